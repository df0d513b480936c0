using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Operations;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// The cmdlet base as the workflows' sink: every write is posted to the pipeline thread's pump,
/// every question (ShouldProcess, a health check) runs there and its answer is awaited.
/// </summary>
public abstract partial class ClassicDeployCmdlet : IOperationSink, IProgressVisibility
{
    private readonly ConcurrentDictionary<Models.DeploymentOperation, bool> _waitingFor = new ConcurrentDictionary<Models.DeploymentOperation, bool>();

    bool IProgressVisibility.ShowsProgress => _showsProgress;

    /// <summary>Runs a workflow of <see cref="Workflows"/> over this cmdlet's connection, writing through this cmdlet; see <see cref="Run(Func{CancellationToken, Task}, object?)"/>.</summary>
    private protected void Run(Func<Workflows, CancellationToken, Task> workflow, object? target)
    {
        if (RunsAsJob)
        {
            StartJob(workflow, target);
            return;
        }

        Run(ct => workflow(new Workflows(Client, this), ct), target);
    }

    /// <summary>True with -AsJob: <see cref="Run(Func{Workflows, CancellationToken, Task}, object?)"/> outputs a job instead of waiting.</summary>
    private protected virtual bool RunsAsJob => false;

    /// <summary>
    /// -AsJob: asks the confirmation here, in the session (so -Confirm and -WhatIf work as without
    /// -AsJob), then outputs an <see cref="OperationJob"/> running the workflow, added to the session's
    /// jobs (Get-Job, Wait-Job, Receive-Job, Stop-Job).
    /// </summary>
    private void StartJob(Func<Workflows, CancellationToken, Task> workflow, object? target)
    {
        string name = MyInvocation.MyCommand.Name;
        string what = target?.ToString() ?? name;
        bool confirmed;
        try
        {
            confirmed = ShouldProcessOrExplain(what, name);
        }
        catch (ClassicDeployTerminatingException terminating)
        {
            ThrowTerminatingError(terminating.ErrorRecord);
            return;
        }

        if (!confirmed)
        {
            return;
        }

        var job = new OperationJob(MyInvocation.Line, name + " " + what);
        JobRepository.Add(job);
        job.Start(Client, workflow, target);
        WriteObject(job);
    }

    /// <summary>
    /// Answers a health check on the pipeline thread; a cmdlet with a health gate (a script
    /// block) overrides it. The default has none to ask.
    /// </summary>
    private protected virtual HealthVerdict CheckHealth(HealthCheck check) =>
        throw new NotSupportedException(MyInvocation.MyCommand?.Name + " has no health check.");

    void IOperationSink.WhenStopped(string? warning) => StoppedWarning = warning;

    void IOperationSink.Emit(object value) => Emit(value);

    void IOperationSink.Error(Exception error, object? target) => _ = Post(() => WriteError(ErrorRecords.From(error, target)));

    void IOperationSink.Progress(ProgressUpdate update) => _ = Post(() => WriteProgress(ToRecord(update)));

    void IOperationSink.Verbose(string message) => _ = Post(() => WriteVerbose(message));

    IDisposable IOperationSink.Waiting(Models.DeploymentOperation operation)
    {
        _waitingFor[operation] = true;
        return new Unregister(() => _waitingFor.TryRemove(operation, out _));
    }

    /// <summary>
    /// Ctrl+C while waiting: the operations go on in the service, so say which and how to wait for
    /// them again. Written to the host directly, as the pipeline's streams close once it is stopping.
    /// </summary>
    private void WarnThatWaitsStop()
    {
        if (StoppedWarning != null)
        {
            // The workflow said itself what goes on and how to carry on (a monitored upgrade): that warning, not this one.
            return;
        }

        foreach (Models.DeploymentOperation operation in _waitingFor.Keys)
        {
            string? on = operation.DeploymentName ?? operation.Slot?.ToString();
            string what = string.IsNullOrEmpty(operation.ServiceName) ? "Operation " + operation.RequestId
                : $"{operation.Operation} of {operation.ServiceName}{(on is null ? string.Empty : "/" + on)} (request id {operation.RequestId})";
            try
            {
                Host?.UI?.WriteWarningLine(
                    $"Stopped waiting. {what} goes on in the service. To wait for it again: Wait-DeploymentOperation -RequestId {operation.RequestId}");
            }
            catch (Exception exception) when (!(exception is OutOfMemoryException))
            {
                // A host that cannot write now has nowhere to show it.
            }
        }
    }

    Task<bool> IOperationSink.ShouldProcessAsync(string target, string action) => OnPipelineThread(() => ShouldProcessOrExplain(target, action));

    bool IOperationSink.ShowsConfirmation => _showsConfirmation;

    async Task<HealthVerdict> IOperationSink.CheckHealthAsync(HealthCheck check, CancellationToken ct)
    {
        Task<HealthVerdict> verdict = OnPipelineThread(() => CheckHealth(check));
        var canceled = new TaskCompletionSource<HealthVerdict>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (ct.Register(() => canceled.TrySetCanceled(ct)))
        {
            return await (await Task.WhenAny(verdict, canceled.Task).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }

    private sealed class Unregister : IDisposable
    {
        private readonly Action _done;

        public Unregister(Action done) => _done = done;

        public void Dispose() => _done();
    }

    internal static ProgressRecord ToRecord(ProgressUpdate update) =>
        new ProgressRecord(update.ActivityId, update.Activity, update.Status)
        {
            PercentComplete = update.PercentComplete,
            RecordType = update.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
}
