using System.Management.Automation;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Get-DeploymentOperation: Get Operation Status, once. Takes a request id, or the operation
/// objects the mutations output (their target is kept in the output).
/// </summary>
[Cmdlet(VerbsCommon.Get, "DeploymentOperation", DefaultParameterSetName = ByInputObject)]
[OutputType(typeof(DeploymentOperation))]
public sealed class GetDeploymentOperationCommand : OperationCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        DeploymentOperation operation = CopyOfInput();
        Run((workflows, ct) => workflows.GetOperationStatusAsync(operation, ct), PipelineItem);
    }
}
