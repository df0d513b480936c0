using System;
using System.Management.Automation;
using ClassicDeploy.Completion;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Get-DeploymentOperation: Get Operation Status, once. Takes a request id (what the operation was
/// about is filled in from List Subscription Operations), or the operation objects the mutations
/// output (their target is kept in the output). With -ServiceName it lists the recent operations
/// of a cloud service or one of its deployments, so an operation whose request id was lost is found again.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DeploymentOperation", DefaultParameterSetName = ByInputObject)]
[OutputType(typeof(DeploymentOperation))]
public sealed class GetDeploymentOperationCommand : OperationCmdlet
{
    private const string ByService = "ByService";

    /// <summary>List the operations on this cloud service (hosted service).</summary>
    [Parameter(ParameterSetName = ByService, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string ServiceName { get; set; } = string.Empty;

    /// <summary>Only the operations on the deployment now in this slot.</summary>
    [Parameter(ParameterSetName = ByService)]
    [ArgumentCompleter(typeof(SlotCompleter))]
    public DeploymentSlot? Slot { get; set; }

    /// <summary>Only the operations on the deployment of this name.</summary>
    [Parameter(ParameterSetName = ByService)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(DeploymentNameCompleter))]
    public string? DeploymentName { get; set; }

    /// <summary>Only operations in this state: InProgress, Succeeded or Failed.</summary>
    [Parameter(ParameterSetName = ByService)]
    public OperationState? Status { get; set; }

    /// <summary>List operations started since this time (default: the last 24 hours).</summary>
    [Parameter(ParameterSetName = ByService)]
    public DateTime? StartTime { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByService)
        {
            if (Slot != null && DeploymentName != null)
            {
                ThrowTerminatingError(ErrorRecords.From(
                    new RequestValidationException("Give either -Slot or -DeploymentName, not both: a deployment is addressed by one of them.", nameof(Slot)),
                    null));
            }

            string service = ServiceName;
            DeploymentSlot? slot = Slot;
            string? name = DeploymentName;
            OperationState? status = Status;
            DateTime since = StartTime ?? DateTime.UtcNow.AddDays(-1);
            Run((workflows, ct) => workflows.ListOperationsAsync(service, slot, name, status, since, ct), service);
            return;
        }

        DeploymentOperation operation = CopyOfInput();
        Run((workflows, ct) => workflows.GetOperationStatusAsync(operation, ct), PipelineItem);
    }
}
