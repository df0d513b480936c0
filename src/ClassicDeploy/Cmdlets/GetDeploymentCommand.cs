using System.Management.Automation;
using ClassicDeploy.Models;

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
                Validate(target);
                Emit(await Client.GetDeploymentAsync(target, ct).ConfigureAwait(false));
            },
            target);
    }
}
