using System;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Operations;

/// <summary>
/// The workflows behind the cmdlets: the rules of each operation (validate, ask, send, wait,
/// report) over one client, writing only through the sink. One partial file per workflow.
/// Every method throws for the failure of its item, which the cmdlet turns into one error.
/// </summary>
internal sealed partial class Workflows
{
    public Workflows(ServiceManagementClient client, IOperationSink sink)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        Sink = sink ?? throw new ArgumentNullException(nameof(sink));
    }

    public ServiceManagementClient Client { get; }

    public IOperationSink Sink { get; }

    /// <summary>
    /// The template of every mutation: ask (<paramref name="target"/>, <paramref name="action"/>),
    /// send, make the output object of the accepted request from <paramref name="operation"/>
    /// (kind and what it is about filled in), then <see cref="CompleteAsync"/>. Null when declined.
    /// </summary>
    private async Task<DeploymentOperation?> MutateAsync(
        DeploymentOperation operation,
        string target,
        string action,
        Func<CancellationToken, Task<AcceptedOperation>> send,
        OperationWait wait,
        DeploymentProgress? progress,
        CancellationToken ct)
    {
        if (!await Sink.ShouldProcessAsync(target, action).ConfigureAwait(false))
        {
            return null;
        }

        operation.StartTime = DateTime.UtcNow;
        AcceptedOperation accepted = await send(ct).ConfigureAwait(false);
        operation.RequestId = accepted.RequestId;
        operation.Status = OperationState.InProgress;
        return await CompleteAsync(operation, wait, progress, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// With a wait, polls the operation to its end (raising <paramref name="progress"/> when
    /// given) and fills in the result; then outputs the operation and, if it failed, an
    /// OperationFailed error. On timeout the unfinished operation is output before the
    /// TimeoutException, so it can be waited for again.
    /// </summary>
    internal async Task<DeploymentOperation> CompleteAsync(DeploymentOperation operation, OperationWait wait, DeploymentProgress? progress, CancellationToken ct)
    {
        if (wait.Wait)
        {
            try
            {
                using (Sink.Waiting(operation))
                {
                    Apply(operation, await WaitAsync(operation, wait.Timeout, progress, ct).ConfigureAwait(false));
                }
            }
            catch (TimeoutException)
            {
                Sink.Emit(operation);
                throw;
            }
        }

        Sink.Emit(operation);
        if (operation.Status == OperationState.Failed)
        {
            Sink.Error(OperationFailed(operation), operation);
        }

        return operation;
    }

    /// <summary>
    /// Polls to the end. With progress, the wait reads the deployment with Get Deployment where that tells
    /// it when to look, and every such answer feeds the progress bar (no extra request per poll); the bar is
    /// completed at the end.
    /// </summary>
    private async Task<OperationStatus> WaitAsync(DeploymentOperation operation, TimeSpan? timeout, DeploymentProgress? progress, CancellationToken ct)
    {
        try
        {
            OperationWatch? watch = progress is null ? null : new OperationWatch(
                progress.Target,
                WalksEveryDomain(operation.Kind),
                progress.Report,
                exception => Sink.Verbose("Progress: could not read deployment " + progress.Target + ": " + exception.Message))
            {
                AcceptedAt = operation.StartTime,
                ShowsEveryDomain = ShowsProgress,
            };
            return await Client.WatchOperationAsync(operation.RequestId, watch, timeout, ct).ConfigureAwait(false);
        }
        finally
        {
            if (progress != null && !progress.KeepOpen)
            {
                progress.Complete();
            }
        }
    }

    /// <summary>Whether anyone sees progress bars (a sink that cannot tell is taken to show them).</summary>
    private bool ShowsProgress => !(Sink is IProgressVisibility visibility) || visibility.ShowsProgress;

    /// <summary>An upgrade or configuration change in Auto mode walks every upgrade domain in turn, so its end can be forecast.</summary>
    private static bool WalksEveryDomain(OperationKind kind) =>
        kind == OperationKind.UpgradeDeployment || kind == OperationKind.ChangeDeploymentConfiguration;

    /// <summary>Copies a Get Operation Status answer into the output object; an ended one gets its end time.</summary>
    internal static void Apply(DeploymentOperation operation, OperationStatus status)
    {
        operation.Status = status.Status;
        operation.HttpStatusCode = status.HttpStatusCode;
        operation.ErrorCode = status.ErrorCode;
        operation.ErrorMessage = status.ErrorMessage;
        if (status.Status != OperationState.InProgress)
        {
            operation.EndTime = DateTime.UtcNow;
        }
    }

    private static WorkflowException OperationFailed(DeploymentOperation operation)
    {
        string on = operation.DeploymentName ?? (operation.Slot?.ToString() ?? string.Empty);
        return new WorkflowException(
            "OperationFailed",
            WorkflowFailure.InvalidResult,
            $"{operation.Operation} on {operation.ServiceName}/{on} failed (operation {operation.RequestId}): {operation.ErrorCode}: {operation.ErrorMessage}");
    }

    /// <summary>The output object of a request about <paramref name="service"/>, before it is sent.</summary>
    private static DeploymentOperation About(OperationKind kind, string service, DeploymentSlot? slot, string? deploymentName) =>
        new DeploymentOperation { Kind = kind, ServiceName = service, Slot = slot, DeploymentName = deploymentName };

    /// <summary>A package URL fit for messages: a SAS query string is a secret, so it is cut off.</summary>
    private static string WithoutQuery(string url)
    {
        int query = url.IndexOf('?');
        return query < 0 ? url : url.Substring(0, query) + "?…";
    }
}
