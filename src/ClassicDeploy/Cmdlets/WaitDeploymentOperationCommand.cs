using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Wait-DeploymentOperation: polls Get Operation Status until the operations end, all at once
/// (like Wait-Job). With operation objects from the pipeline each progress bar names the
/// deployment being updated.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "DeploymentOperation", DefaultParameterSetName = ByInputObject)]
[OutputType(typeof(DeploymentOperation))]
public sealed class WaitDeploymentOperationCommand : OperationCmdlet
{
    private readonly List<(DeploymentOperation Operation, object? Input)> _operations = new List<(DeploymentOperation Operation, object? Input)>();

    /// <summary>How long to wait at most (each operation).</summary>
    [Parameter]
    [Seconds]
    public TimeSpan? Timeout { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord() => _operations.Add((CopyOfInput(), PipelineItem));

    /// <summary>
    /// Like Wait-Job: every piped operation is waited for at once, each with its own progress bar,
    /// each output as it ends; a failure to wait for one is that item's error, not the others'.
    /// </summary>
    protected override void EndProcessing()
    {
        TimeSpan? timeout = Timeout;
        var items = _operations.Select(o => (o.Operation, o.Input, Progress: ProgressFor(o.Operation))).ToList();
        if (items.Count == 1)
        {
            // One operation: its failure is the command's ordinary per-item error.
            Run(ct => WaitOneAsync(items[0].Operation, items[0].Progress, timeout, ct), items[0].Input);
        }
        else if (items.Count > 1)
        {
            Run(
                ct => Task.WhenAll(items.Select(async item =>
                {
                    try
                    {
                        await WaitOneAsync(item.Operation, item.Progress, timeout, ct).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (!ct.IsCancellationRequested)
                    {
                        EmitError(ErrorRecords.From(exception, item.Input));
                    }
                })),
                null);
        }

        base.EndProcessing();
    }

    /// <summary>
    /// Polls at once (the operation may have ended long ago, and a short -Timeout must not report
    /// it InProgress), then waits for the rest of the timeout.
    /// </summary>
    private async Task WaitOneAsync(DeploymentOperation operation, UpgradeProgress? progress, TimeSpan? timeout, CancellationToken ct)
    {
        if (operation.Status != OperationState.InProgress && operation.EndTime != null)
        {
            await CompleteAsync(operation, false, timeout, null, ct).ConfigureAwait(false);
            return;
        }

        long started = Client.Clock.GetTimestamp();
        Apply(operation, await Client.GetOperationStatusAsync(operation.RequestId, ct).ConfigureAwait(false));
        if (operation.Status != OperationState.InProgress)
        {
            await CompleteAsync(operation, false, timeout, null, ct).ConfigureAwait(false);
            return;
        }

        TimeSpan? rest = timeout;
        if (timeout.HasValue && timeout.Value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            TimeSpan left = timeout.Value - Client.Clock.GetElapsedTime(started);
            rest = left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        await CompleteAsync(operation, true, rest, progress, ct).ConfigureAwait(false);
    }

    private UpgradeProgress? ProgressFor(DeploymentOperation operation)
    {
        if (string.IsNullOrEmpty(operation.ServiceName))
        {
            return null;
        }

        DeploymentTarget target;
        if (!string.IsNullOrEmpty(operation.DeploymentName))
        {
            target = DeploymentTarget.ByName(operation.ServiceName, operation.DeploymentName!);
        }
        else if (operation.Slot.HasValue)
        {
            target = DeploymentTarget.BySlot(operation.ServiceName, operation.Slot.Value);
        }
        else
        {
            return null;
        }

        switch (operation.Operation)
        {
            case "Upgrade Deployment":
            case "Walk Upgrade Domain":
                return NewProgress("Upgrading", target);
            case "Change Deployment Configuration":
                return NewProgress("Reconfiguring", target);
            case "Rollback Update Or Upgrade":
                return NewProgress("Rolling back", target);
            default:
                return null;
        }
    }
}
