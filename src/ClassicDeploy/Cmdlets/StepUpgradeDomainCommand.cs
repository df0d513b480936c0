using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Step-UpgradeDomain: Walk Upgrade Domain of a manual update. Walks the current domain by
/// default, -UpgradeDomain n on request, or with -All every remaining domain in order, each walk
/// waited for before the next, one output object per walk.
/// </summary>
[Cmdlet(VerbsCommon.Step, "UpgradeDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DeploymentOperation))]
public sealed class StepUpgradeDomainCommand : DeploymentCmdlet
{
    /// <summary>The upgrade domain to walk (zero-based); the current one when omitted.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? UpgradeDomain { get; set; }

    /// <summary>Walk every remaining domain in order, waiting for each.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    /// <summary>Wait for the walk to finish, with progress.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long each wait lasts at most.</summary>
    [Parameter]
    [Seconds]
    public TimeSpan? Timeout { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        DeploymentTarget target = Target;
        int? domain = UpgradeDomain;
        bool all = All;
        bool wait = Wait || all;
        TimeSpan? timeout = Timeout;
        Run(
            async ct =>
            {
                Validate(target);
                if (all && domain.HasValue)
                {
                    throw new RequestValidationException("-All and -UpgradeDomain cannot be used together: -All walks every remaining domain from the current one.", "UpgradeDomain");
                }

                Deployment deployment = await Client.GetDeploymentAsync(target, ct).ConfigureAwait(false);
                if (deployment.UpgradeStatus is null)
                {
                    throw new ClassicDeployException("NoUpgradeInProgress", ErrorCategory.InvalidOperation,
                        $"Deployment {deployment.DeploymentName} ({deployment.ServiceName}/{deployment.Slot}) has no update in progress; start one with Invoke-UpgradeDeployment -Mode Manual.");
                }

                // Walk by name from here on: the name stays put if the slots are swapped meanwhile.
                DeploymentTarget byName = DeploymentTarget.ByName(deployment.ServiceName, deployment.DeploymentName);
                // With -All one bar spans every walk and completes after the last.
                UpgradeProgress progress = NewProgress("Upgrading", byName);
                progress.Describe(deployment);
                progress.KeepOpen = all;
                try
                {
                    do
                    {
                        int next = domain ?? deployment.UpgradeStatus!.CurrentUpgradeDomain;
                        if (!await WalkAsync(deployment, byName, next, wait, timeout, wait ? progress : null, ct).ConfigureAwait(false) || !all)
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
            },
            target);
    }

    /// <summary>One walk; false when it was declined (-WhatIf) or failed, which ends -All.</summary>
    private async Task<bool> WalkAsync(Deployment deployment, DeploymentTarget byName, int domain, bool wait, TimeSpan? timeout, UpgradeProgress? progress, CancellationToken ct)
    {
        int count = Math.Max(deployment.UpgradeDomainCount, domain + 1);
        string what = $"Walk upgrade domain {domain} ({domain + 1} of {count})";
        if (!await ShouldProcessAsync($"{deployment.ServiceName}/{deployment.DeploymentName} ({deployment.Slot})", what).ConfigureAwait(false))
        {
            return false;
        }

        progress?.Domain(domain, count, during: true);
        DateTime start = DateTime.UtcNow;
        AcceptedOperation accepted = await Client.WalkUpgradeDomainAsync(byName, new WalkUpgradeDomainRequest { UpgradeDomain = domain }, ct).ConfigureAwait(false);
        DeploymentOperation operation = Accepted(accepted, "Walk Upgrade Domain", deployment.ServiceName, deployment.Slot, deployment.DeploymentName, start);
        operation = await CompleteAsync(operation, wait, timeout, progress, ct).ConfigureAwait(false);
        return operation.Status == OperationState.Succeeded;
    }
}
