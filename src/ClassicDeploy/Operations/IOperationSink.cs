using System;
using System.Threading;
using System.Threading.Tasks;

namespace ClassicDeploy.Operations;

/// <summary>
/// Everything a workflow writes, and the questions it asks the user. The cmdlet base implements
/// it by posting to its pipeline thread (so PowerShell sees every write there); tests implement
/// it with a recorder. Callable from any thread while the workflow runs.
/// </summary>
internal interface IOperationSink
{
    /// <summary>Outputs an object (a <see cref="Models.DeploymentOperation"/>, a result).</summary>
    void Emit(object value);

    /// <summary>A non-terminating failure of one item (<paramref name="target"/> is what it was about); the workflow goes on.</summary>
    void Error(Exception error, object? target);

    /// <summary>Progress of one deployment's operation.</summary>
    void Progress(ProgressUpdate update);

    /// <summary>A line for -Verbose: never configuration values, bodies or certificate material.</summary>
    void Verbose(string message);

    /// <summary>
    /// The workflow waits for <paramref name="operation"/> until the returned object is disposed: if
    /// the wait is stopped (Ctrl+C), the operation goes on in the service, and the caller says so.
    /// </summary>
    IDisposable Waiting(Models.DeploymentOperation operation);

    /// <summary>Asks whether to do <paramref name="action"/> to <paramref name="target"/> (-WhatIf, -Confirm).</summary>
    Task<bool> ShouldProcessAsync(string target, string action);

    /// <summary>
    /// Whether the text given to <see cref="ShouldProcessAsync"/> is shown anywhere (-WhatIf, a -Confirm prompt,
    /// -Verbose). When not, a workflow spends no request only to word it.
    /// </summary>
    bool ShowsConfirmation { get; }

    /// <summary>
    /// Asks the caller's health gate about a deployment (a monitored upgrade, after each upgrade
    /// domain). The cmdlet base runs the check on the pipeline thread, so a cmdlet can answer it
    /// with a script block.
    /// </summary>
    Task<HealthVerdict> CheckHealthAsync(HealthCheck check, CancellationToken ct);

    /// <summary>
    /// What to warn if the command is stopped (Ctrl+C) from now on, or null for nothing: a workflow
    /// that leaves something in progress when stopped says what, and how to carry on.
    /// </summary>
    void WhenStopped(string? warning);
}
