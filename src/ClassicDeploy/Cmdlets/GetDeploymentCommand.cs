using System.Management.Automation;
using ClassicDeploy.Models;
using ClassicDeploy.Operations;

namespace ClassicDeploy.Cmdlets;

/// <summary>Get-Deployment: Get Deployment by slot or by name.</summary>
[Cmdlet(VerbsCommon.Get, "Deployment")]
[OutputType(typeof(Deployment))]
public sealed class GetDeploymentCommand : DeploymentCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var target = Target;
        Run(
            async ct =>
            {
                TargetRules.Deployment(target);
                Emit(await Client.GetDeploymentAsync(target, ct).ConfigureAwait(false));
            },
            target);
    }
}
