using System;
using System.Management.Automation;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Write-Progress for one deployment: activity "Upgrading &lt;name&gt;" (short, so a narrow console
/// does not cut it), status "Upgrade domain k of n - &lt;service&gt;/&lt;slot&gt;" (the long part last,
/// where a cut loses least). The activity id is derived from the service and deployment, so
/// parallel deployments get distinct bars and the same deployment always gets the same one.
/// </summary>
internal sealed class UpgradeProgress
{
    private readonly string _verb;
    private readonly Action<ProgressRecord> _write;
    private string _activity;
    private string _where;

    public UpgradeProgress(string verb, DeploymentTarget target, Action<ProgressRecord> write)
    {
        _verb = verb;
        _write = write;
        Target = target;
        ActivityId = StableId(target.ServiceName + "/" + (target.DeploymentName ?? target.Slot.ToString()));
        _activity = $"{verb} {target.DeploymentName ?? target.Slot.ToString()}";
        _where = target.ServiceName + "/" + (target.Slot?.ToString() ?? target.DeploymentName);
    }

    public DeploymentTarget Target { get; }

    public int ActivityId { get; }

    /// <summary>When true, a finished wait leaves the bar open (Step-UpgradeDomain -All completes it after the last walk).</summary>
    public bool KeepOpen { get; set; }

    /// <summary>Reports where the update of <paramref name="deployment"/> stands.</summary>
    public void Report(Deployment deployment)
    {
        Describe(deployment);
        UpgradeStatus? upgrade = deployment.UpgradeStatus;
        if (upgrade is null)
        {
            Write($"Deployment is {deployment.Status}", -1);
            return;
        }

        bool during = string.Equals(upgrade.CurrentUpgradeDomainState, "During", StringComparison.OrdinalIgnoreCase);
        Domain(upgrade.CurrentUpgradeDomain, deployment.UpgradeDomainCount, during);
    }

    /// <summary>Names the bar after the deployment once it is known: "Upgrading name", "… - service/slot".</summary>
    public void Describe(Deployment deployment)
    {
        _activity = $"{_verb} {deployment.DeploymentName}";
        _where = $"{deployment.ServiceName}/{deployment.Slot}";
    }

    /// <summary>Reports upgrade domain <paramref name="domain"/> (zero-based) of <paramref name="count"/>.</summary>
    public void Domain(int domain, int count, bool during)
    {
        int total = Math.Max(count, domain + 1);
        int percent = Math.Min(99, ((domain * 2) + (during ? 1 : 0)) * 50 / total);
        Write($"Upgrade domain {domain + 1} of {total}", percent);
    }

    /// <summary>Writes the Completed record that removes the bar.</summary>
    public void Complete()
    {
        _write(new ProgressRecord(ActivityId, _activity, "Completed") { RecordType = ProgressRecordType.Completed, PercentComplete = 100 });
    }

    private void Write(string status, int percent)
    {
        _write(new ProgressRecord(ActivityId, _activity, status + " - " + _where) { PercentComplete = percent });
    }

    private static int StableId(string key)
    {
        unchecked
        {
            uint hash = 2166136261;
            foreach (char c in key)
            {
                hash = (hash ^ c) * 16777619;
            }

            return (int)(hash & 0x3FFFFFFF) + 1;
        }
    }
}
