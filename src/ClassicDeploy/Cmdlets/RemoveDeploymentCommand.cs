using System.Management.Automation;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>Remove-Deployment: Delete Deployment.</summary>
[Cmdlet(VerbsCommon.Remove, "Deployment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(DeploymentOperation), typeof(OperationJob))]
public sealed class RemoveDeploymentCommand : DeploymentMutationCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        DeploymentTarget target = Target;
        Run((workflows, ct) => workflows.DeleteDeploymentAsync(target, Waiting, ct), target);
    }
}
