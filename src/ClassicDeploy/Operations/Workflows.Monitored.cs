using System;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;
using ClassicDeploy.Operations.Monitoring;

namespace ClassicDeploy.Operations;

/// <summary>Monitored rolling upgrades: every upgrade domain gated on its instances being ready and healthy.</summary>
internal sealed partial class Workflows
{
    /// <summary>
    /// The gated walk of the update in progress on <paramref name="target"/>: Manual walks each
    /// domain only once the previous one passed its gate; Auto is watched. Domains walked before
    /// (a runbook that died) are re-checked first. Outputs one <see cref="RollingUpgradeResult"/>.
    /// </summary>
    public async Task<RollingUpgradeResult?> MonitoredWalkAsync(DeploymentTarget target, HealthPolicy policy, OperationWait wait, CancellationToken ct)
    {
        TargetRules.Deployment(target);
        policy.Validate();
        Deployment deployment = await Client.GetDeploymentAsync(target, ct).ConfigureAwait(false);
        if (deployment.UpgradeStatus is null)
        {
            throw new WorkflowException("NoUpgradeInProgress", WorkflowFailure.InvalidOperation,
                $"Deployment {deployment.DeploymentName} ({deployment.ServiceName}/{deployment.Slot}) has no update in progress; start one with Invoke-UpgradeDeployment -Mode Manual.");
        }

        return await new MonitoredUpgrade(this, policy, wait).RunAsync(deployment, deployment.UpgradeStatus.UpgradeType, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Upgrade Deployment, then the gated walk (Manual) or watch (Auto, Simultaneous) of it. When
    /// an update of the same mode is already in progress (this command run before, by a runbook
    /// that died), it is resumed instead of superseded.
    /// </summary>
    public async Task<RollingUpgradeResult?> MonitoredUpgradeAsync(DeploymentTarget target, UpgradeDeploymentRequest request, HealthPolicy policy, OperationWait wait, CancellationToken ct)
    {
        TargetRules.Deployment(target);
        request.Validate();
        policy.Validate();
        Deployment deployment = await Client.GetDeploymentAsync(target, ct).ConfigureAwait(false);
        var run = new MonitoredUpgrade(this, policy, wait);
        if (deployment.UpgradeStatus != null && deployment.UpgradeStatus.UpgradeType == request.Mode)
        {
            Sink.Verbose($"{deployment.ServiceName}/{deployment.DeploymentName} already has a {request.Mode} update in progress (upgrade domain {deployment.UpgradeStatus.CurrentUpgradeDomain}): resuming its gated walk instead of starting another. Roll it back first (Undo-DeploymentUpgrade) to start over.");
            return await run.RunAsync(deployment, request.Mode, ct).ConfigureAwait(false);
        }

        DeploymentTarget byName = DeploymentTarget.ByName(deployment.ServiceName, deployment.DeploymentName);
        if (!await Sink.ShouldProcessAsync(target.ToString(), $"{request.Mode} upgrade to package {WithoutQuery(request.PackageUrl)}, gated on health after each upgrade domain").ConfigureAwait(false))
        {
            return null;
        }

        var upgrade = About(OperationKind.UpgradeDeployment, deployment.ServiceName, deployment.Slot, deployment.DeploymentName);
        upgrade.StartTime = DateTime.UtcNow;
        AcceptedOperation accepted = await Client.UpgradeDeploymentAsync(byName, request, ct).ConfigureAwait(false);
        upgrade.RequestId = accepted.RequestId;
        upgrade.Status = OperationState.InProgress;
        run.Started(upgrade);
        deployment = await Client.GetDeploymentAsync(byName, ct).ConfigureAwait(false);
        return await run.RunAsync(deployment, request.Mode, ct).ConfigureAwait(false);
    }
}
