using System;
using System.Management.Automation;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Wait-DeploymentOperation: polls Get Operation Status until the operation ends. With operation
/// objects from the pipeline the progress bar names the deployment being updated.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "DeploymentOperation", DefaultParameterSetName = OperationInput.ByInputObject)]
[OutputType(typeof(DeploymentOperation))]
public sealed class WaitDeploymentOperationCommand : ClassicDeployCmdlet
{
    /// <summary>The operation's request id (x-ms-request-id of the accepted request).</summary>
    [Parameter(ParameterSetName = OperationInput.ByRequestId, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string RequestId { get; set; } = string.Empty;

    /// <summary>An operation object from a mutation.</summary>
    [Parameter(ParameterSetName = OperationInput.ByInputObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DeploymentOperation? InputObject { get; set; }

    /// <summary>How long to wait at most.</summary>
    [Parameter]
    [Seconds]
    public TimeSpan? Timeout { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        DeploymentOperation operation = OperationInput.Copy(InputObject, RequestId);
        TimeSpan? timeout = Timeout;
        UpgradeProgress? progress = ProgressFor(operation);
        Run(
            async ct =>
            {
                if (operation.Status == OperationState.InProgress || operation.EndTime is null)
                {
                    await CompleteAsync(operation, true, timeout, progress, ct).ConfigureAwait(false);
                }
                else
                {
                    await CompleteAsync(operation, false, timeout, null, ct).ConfigureAwait(false);
                }
            },
            (object?)InputObject ?? RequestId);
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
