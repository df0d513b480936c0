using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;
using ClassicDeploy.Operations;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Get-Deployment: Get Deployment by slot or by name; without either, every deployment of the
/// service (Get Hosted Service with embed-detail). A -ServiceName with wildcards is matched against
/// List Hosted Services, and a pattern that matches nothing is no error (as Get-ChildItem).
/// </summary>
[Cmdlet(VerbsCommon.Get, "Deployment")]
[OutputType(typeof(Deployment))]
public sealed class GetDeploymentCommand : DeploymentCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        DeploymentTarget target = Target;
        Run(
            async ct =>
            {
                if (!WildcardPattern.ContainsWildcardCharacters(target.ServiceName))
                {
                    await EmitAsync(target, ct).ConfigureAwait(false);
                    return;
                }

                var pattern = new WildcardPattern(target.ServiceName, WildcardOptions.IgnoreCase);
                IReadOnlyList<CloudService> services = await Client.ListHostedServicesAsync(ct).ConfigureAwait(false);
                foreach (CloudService service in services.Where(s => pattern.IsMatch(s.ServiceName)))
                {
                    var one = new DeploymentTarget { ServiceName = service.ServiceName, Slot = target.Slot, DeploymentName = target.DeploymentName };
                    try
                    {
                        await EmitAsync(one, ct).ConfigureAwait(false);
                    }
                    catch (ServiceManagementException notFound) when (notFound.StatusCode == 404 && !ct.IsCancellationRequested)
                    {
                        // The pattern asked about many services; one without this slot is that item's error, not the end.
                        _ = Post(() => WriteError(ErrorRecords.From(notFound, one)));
                    }
                }
            },
            target);
    }

    private async Task EmitAsync(DeploymentTarget target, CancellationToken ct)
    {
        if (target.Slot is null && string.IsNullOrEmpty(target.DeploymentName))
        {
            TargetRules.ServiceName(target.ServiceName);
            CloudService detail = await Client.GetHostedServiceAsync(target.ServiceName, true, ct).ConfigureAwait(false);
            foreach (Deployment deployment in detail.Deployments.OrderBy(d => d.Slot))
            {
                Emit(deployment);
            }

            return;
        }

        TargetRules.Deployment(target);
        Emit(await Client.GetDeploymentAsync(target, ct).ConfigureAwait(false));
    }
}
