using System.Management.Automation;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Switch-DeploymentSlot: Swap Deployment. Reads the service's deployments and names the current
/// production and staging deployments itself; staging moves into an empty production too.
/// </summary>
[Cmdlet(VerbsCommon.Switch, "DeploymentSlot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(DeploymentOperation), typeof(OperationJob))]
public sealed class SwitchDeploymentSlotCommand : ServiceMutationCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        string service = ServiceName;
        Run((workflows, ct) => workflows.SwapDeploymentAsync(service, Waiting, ct), service);
    }
}
