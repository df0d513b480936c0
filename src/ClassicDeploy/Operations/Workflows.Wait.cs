using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Operations;

/// <summary>Get Operation Status: once, or until the end for many operations at once.</summary>
internal sealed partial class Workflows
{
    /// <summary>Reads the operation's status once into <paramref name="operation"/> and outputs it.</summary>
    public async Task GetOperationStatusAsync(DeploymentOperation operation, CancellationToken ct)
    {
        Apply(operation, await Client.GetOperationStatusAsync(operation.RequestId, ct).ConfigureAwait(false));
        await DescribeAsync(new[] { operation }, ct).ConfigureAwait(false);
        Sink.Emit(operation);
    }

    /// <summary>
    /// Like Wait-Job: every operation is waited for at once, each with its own progress bar when
    /// its kind walks upgrade domains and its deployment is known, each output as it ends. One
    /// operation's failure is thrown (the caller's error for it); with more, a failure to wait for
    /// one is that operation's error through the sink (<c>Input</c> is its target), not the others'.
    /// Many are waited for with List Subscription Operations (see <see cref="WaitForManyAsync"/>).
    /// An operation that has already ended is output as it is.
    /// </summary>
    public async Task WaitForOperationsAsync(IReadOnlyList<(DeploymentOperation Operation, object? Input)> operations, TimeSpan? timeout, CancellationToken ct)
    {
        await DescribeAsync(operations.Select(o => o.Operation).ToList(), ct).ConfigureAwait(false);
        var items = operations.Select(o => (o.Operation, o.Input, Progress: ProgressFor(o.Operation))).ToList();
        if (items.Count == 1)
        {
            await WaitOneAsync(items[0].Operation, items[0].Progress, timeout, ct).ConfigureAwait(false);
            return;
        }

        await WaitForManyAsync(items, timeout, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Polls at once (the operation may have ended long ago, and a short timeout must not report
    /// it InProgress), then waits for the rest of the timeout.
    /// </summary>
    private async Task WaitOneAsync(DeploymentOperation operation, DeploymentProgress? progress, TimeSpan? timeout, CancellationToken ct)
    {
        if (operation.Status != OperationState.InProgress && operation.EndTime != null)
        {
            await CompleteAsync(operation, OperationWait.None, null, ct).ConfigureAwait(false);
            return;
        }

        long started = Client.Clock.GetTimestamp();
        Apply(operation, await Client.GetOperationStatusAsync(operation.RequestId, ct).ConfigureAwait(false));
        if (operation.Status != OperationState.InProgress)
        {
            await CompleteAsync(operation, OperationWait.None, null, ct).ConfigureAwait(false);
            return;
        }

        TimeSpan? rest = timeout;
        if (timeout.HasValue && timeout.Value != Timeout.InfiniteTimeSpan)
        {
            TimeSpan left = timeout.Value - Client.Clock.GetElapsedTime(started);
            rest = left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        await CompleteAsync(operation, new OperationWait(true, rest), progress, ct).ConfigureAwait(false);
    }

    private DeploymentProgress? ProgressFor(DeploymentOperation operation)
    {
        if (string.IsNullOrEmpty(operation.ServiceName))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(operation.DeploymentName))
        {
            return DeploymentProgress.For(operation.Kind, DeploymentTarget.ByName(operation.ServiceName, operation.DeploymentName!), Sink);
        }

        return operation.Slot.HasValue
            ? DeploymentProgress.For(operation.Kind, DeploymentTarget.BySlot(operation.ServiceName, operation.Slot.Value), Sink)
            : null;
    }
}
