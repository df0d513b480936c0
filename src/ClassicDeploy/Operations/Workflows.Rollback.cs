using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Operations;

/// <summary>Rollback Update Or Upgrade, after checking that the deployment allows it.</summary>
internal sealed partial class Workflows
{
    /// <summary>
    /// Reads the deployment first: RollbackAllowed false is RollbackNotAllowed with no request
    /// sent. The rollback then addresses the deployment by name, so a swap meanwhile cannot
    /// redirect it.
    /// </summary>
    public async Task<DeploymentOperation?> RollbackUpdateOrUpgradeAsync(DeploymentTarget target, RollbackUpdateOrUpgradeRequest request, OperationWait wait, CancellationToken ct)
    {
        TargetRules.Deployment(target);
        request.Validate();
        Deployment deployment = await Client.GetDeploymentAsync(target, ct).ConfigureAwait(false);
        if (!deployment.RollbackAllowed)
        {
            throw new WorkflowException("RollbackNotAllowed", WorkflowFailure.InvalidOperation,
                $"Deployment {deployment.DeploymentName} ({deployment.ServiceName}/{deployment.Slot}) cannot be rolled back: no update is in progress.");
        }

        DeploymentTarget byName = DeploymentTarget.ByName(deployment.ServiceName, deployment.DeploymentName);
        var progress = new DeploymentProgress("Rolling back", byName, Sink);
        progress.Describe(deployment);
        return await MutateAsync(
            About(OperationKind.RollbackUpdateOrUpgrade, deployment.ServiceName, deployment.Slot, deployment.DeploymentName),
            $"{deployment.ServiceName}/{deployment.DeploymentName} ({deployment.Slot})",
            $"Roll back the update in progress ({request.Mode})",
            token => Client.RollbackUpdateOrUpgradeAsync(byName, request, token),
            wait,
            progress,
            ct).ConfigureAwait(false);
    }
}
