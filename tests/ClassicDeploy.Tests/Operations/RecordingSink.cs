using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Models;
using ClassicDeploy.Operations;

namespace ClassicDeploy.Tests.Operations;

/// <summary>An <see cref="IOperationSink"/> that records what a workflow writes and answers its questions from settings.</summary>
internal sealed class RecordingSink : IOperationSink, IProgressVisibility
{
    private readonly object _gate = new object();

    public List<object> Output { get; } = new List<object>();

    public List<(Exception Error, object? Target)> Errors { get; } = new List<(Exception Error, object? Target)>();

    public List<ProgressUpdate> Progress { get; } = new List<ProgressUpdate>();

    public List<string> Verbose { get; } = new List<string>();

    public List<(string Target, string Action)> Asked { get; } = new List<(string Target, string Action)>();

    /// <summary>What ShouldProcess answers (false is -WhatIf, or No at -Confirm).</summary>
    public bool Consent { get; set; } = true;

    /// <summary>Whether progress is shown ($ProgressPreference); when not, waits read nothing only for progress.</summary>
    public bool ShowsProgress { get; set; } = true;

    public IEnumerable<DeploymentOperation> Operations => Output.OfType<DeploymentOperation>();

    public void Emit(object value)
    {
        lock (_gate)
        {
            Output.Add(value);
        }
    }

    public void Error(Exception error, object? target)
    {
        lock (_gate)
        {
            Errors.Add((error, target));
        }
    }

    void IOperationSink.Progress(ProgressUpdate update)
    {
        lock (_gate)
        {
            Progress.Add(update);
        }
    }

    void IOperationSink.Verbose(string message)
    {
        lock (_gate)
        {
            Verbose.Add(message);
        }
    }

    /// <summary>Whether the confirmation text is shown (-WhatIf, -Confirm, -Verbose); a workflow may skip wording it when not.</summary>
    public bool ShowsConfirmation { get; set; } = true;

    public Task<bool> ShouldProcessAsync(string target, string action)
    {
        lock (_gate)
        {
            Asked.Add((target, action));
        }

        return Task.FromResult(Consent);
    }

    /// <summary>The operations being waited for now.</summary>
    public List<DeploymentOperation> BeingWaitedFor { get; } = new List<DeploymentOperation>();

    public IDisposable Waiting(DeploymentOperation operation)
    {
        lock (_gate)
        {
            BeingWaitedFor.Add(operation);
        }

        return new Done(() =>
        {
            lock (_gate)
            {
                BeingWaitedFor.Remove(operation);
            }
        });
    }

    /// <summary>The health gate's answer (a monitored upgrade); null: no workflow is expected to ask.</summary>
    public Func<HealthCheck, HealthVerdict>? Health { get; set; }

    /// <summary>The health checks asked for, in order.</summary>
    public List<HealthCheck> Checks { get; } = new List<HealthCheck>();

    /// <summary>The last warning the workflow asked to give if stopped.</summary>
    public string? StoppedWarning { get; private set; }

    public Task<HealthVerdict> CheckHealthAsync(HealthCheck check, CancellationToken ct)
    {
        if (Health is null)
        {
            throw new NotSupportedException("This test gives no health check.");
        }

        lock (_gate)
        {
            Checks.Add(check);
        }

        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Health(check));
    }

    public void WhenStopped(string? warning) => StoppedWarning = warning;

    private sealed class Done : IDisposable
    {
        private readonly Action _done;

        public Done(Action done) => _done = done;

        public void Dispose() => _done();
    }
}
