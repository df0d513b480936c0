using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Models;

namespace ClassicDeploy.Operations;

/// <summary>Swap Deployment, naming the current production and staging deployments itself.</summary>
internal sealed partial class Workflows
{
    /// <summary>
    /// Reads the service's deployments (Get Hosted Service with embed-detail) to find the staging
    /// deployment and the production one, if any: staging moves into an empty production too. No
    /// staging deployment is NoStagingDeployment with no request sent.
    /// </summary>
    public async Task<DeploymentOperation?> SwapDeploymentAsync(string service, OperationWait wait, CancellationToken ct)
    {
        TargetRules.ServiceName(service);
        CloudService detail = await Client.GetHostedServiceAsync(service, true, ct).ConfigureAwait(false);
        Deployment? staging = detail.Deployments.FirstOrDefault(d => d.Slot == DeploymentSlot.Staging);
        Deployment? production = detail.Deployments.FirstOrDefault(d => d.Slot == DeploymentSlot.Production);
        if (staging is null)
        {
            throw new WorkflowException("NoStagingDeployment", WorkflowFailure.ObjectNotFound,
                $"Cloud service {service} has no deployment in the staging slot, so there is nothing to swap.");
        }

        string what = production is null
            ? $"Move staging deployment {staging.DeploymentName} into the empty production slot"
            : $"Swap production {production.DeploymentName} with staging {staging.DeploymentName}";
        var request = new SwapDeploymentRequest { Production = production?.DeploymentName, SourceDeployment = staging.DeploymentName };
        return await MutateAsync(
            About(OperationKind.SwapDeployment, service, null, staging.DeploymentName),
            service,
            what,
            token => Client.SwapDeploymentAsync(service, request, token),
            wait,
            null,
            ct).ConfigureAwait(false);
    }
}
