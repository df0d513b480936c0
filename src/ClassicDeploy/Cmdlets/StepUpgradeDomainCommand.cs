using System.Management.Automation;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Step-UpgradeDomain: Walk Upgrade Domain of a manual update. Walks the current domain by
/// default, -UpgradeDomain n on request, or with -All every remaining domain in order, each walk
/// waited for before the next, one output object per walk. With a health option (-HealthCheck…)
/// and -All, a monitored rolling upgrade: each domain gated, one RollingUpgradeResult.
/// </summary>
[Cmdlet(VerbsCommon.Step, "UpgradeDomain", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DeploymentOperation), typeof(RollingUpgradeResult), typeof(OperationJob))]
public sealed class StepUpgradeDomainCommand : MonitoredUpgradeCmdlet
{
    /// <summary>The upgrade domain to walk (zero-based); the current one when omitted.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? UpgradeDomain { get; set; }

    /// <summary>Walk every remaining domain in order, waiting for each.</summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        DeploymentTarget target = Target;
        int? domain = UpgradeDomain;
        bool all = All;
        if (Monitored)
        {
            RequireMonitorable(all && !domain.HasValue, "add -All, which walks every remaining domain, each one only after the previous one passed.");
            HealthPolicy policy = Policy;
            Run((workflows, ct) => workflows.MonitoredWalkAsync(target, policy, Waiting, ct), target);
            return;
        }

        Run((workflows, ct) => workflows.WalkUpgradeDomainAsync(target, domain, all, Waiting, ct), target);
    }
}
