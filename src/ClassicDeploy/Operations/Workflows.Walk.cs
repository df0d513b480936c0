using System;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Operations;

/// <summary>Walk Upgrade Domain of a manual update: one domain, or every remaining one in order.</summary>
internal sealed partial class Workflows
{
    /// <summary>
    /// Walks <paramref name="domain"/>, or the current domain when null; with <paramref name="all"/>
    /// every remaining domain in order, each waited for before the next (so <paramref name="all"/>
    /// implies waiting), one output object per walk. Stops at a declined or failed walk.
    /// </summary>
    public async Task WalkUpgradeDomainAsync(DeploymentTarget target, int? domain, bool all, OperationWait wait, CancellationToken ct)
    {
        TargetRules.Deployment(target);
        if (all && domain.HasValue)
        {
            throw new RequestValidationException("-All and -UpgradeDomain cannot be used together: -All walks every remaining domain from the current one.", "UpgradeDomain");
        }

        if (all)
        {
            wait = new OperationWait(true, wait.Timeout);
        }

        Deployment deployment = await Client.GetDeploymentAsync(target, ct).ConfigureAwait(false);
        if (deployment.UpgradeStatus is null)
        {
            throw new WorkflowException("NoUpgradeInProgress", WorkflowFailure.InvalidOperation,
                $"Deployment {deployment.DeploymentName} ({deployment.ServiceName}/{deployment.Slot}) has no update in progress; start one with Invoke-UpgradeDeployment -Mode Manual.");
        }

        // Walk by name from here on: the name stays put if the slots are swapped meanwhile.
        DeploymentTarget byName = DeploymentTarget.ByName(deployment.ServiceName, deployment.DeploymentName);
        // Walking every domain, one bar spans every walk and completes after the last.
        var progress = new DeploymentProgress("Upgrading", byName, Sink) { KeepOpen = all };
        progress.Describe(deployment);
        try
        {
            do
            {
                int next = domain ?? deployment.UpgradeStatus!.CurrentUpgradeDomain;
                if (!await WalkOneAsync(deployment, byName, next, wait, wait.Wait ? progress : null, ct).ConfigureAwait(false) || !all)
                {
                    break;
                }

                deployment = await Client.GetDeploymentAsync(byName, ct).ConfigureAwait(false);
            }
            while (deployment.UpgradeStatus != null);
        }
        finally
        {
            if (all)
            {
                progress.Complete();
            }
        }
    }

    /// <summary>One walk; false when it was declined (-WhatIf) or failed, which ends walking every domain.</summary>
    private async Task<bool> WalkOneAsync(Deployment deployment, DeploymentTarget byName, int domain, OperationWait wait, DeploymentProgress? progress, CancellationToken ct)
    {
        int count = Math.Max(deployment.UpgradeDomainCount, domain + 1);
        DeploymentOperation? operation = await MutateAsync(
            About(OperationKind.WalkUpgradeDomain, deployment.ServiceName, deployment.Slot, deployment.DeploymentName),
            $"{deployment.ServiceName}/{deployment.DeploymentName} ({deployment.Slot})",
            $"Walk upgrade domain {domain} ({domain + 1} of {count})",
            token =>
            {
                progress?.Domain(domain, count, during: true);
                return Client.WalkUpgradeDomainAsync(byName, new WalkUpgradeDomainRequest { UpgradeDomain = domain }, token);
            },
            wait,
            progress,
            ct).ConfigureAwait(false);
        return operation?.Status == OperationState.Succeeded;
    }
}
