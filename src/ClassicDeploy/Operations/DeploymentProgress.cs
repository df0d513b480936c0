using System;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Operations;

/// <summary>
/// Write-Progress for one deployment: activity "Upgrading &lt;name&gt;" (short, so a narrow console
/// does not cut it), status "Upgrade domain k of n - &lt;service&gt;/&lt;slot&gt;" (the long part last,
/// where a cut loses least). The activity id is derived from the service and deployment, so
/// parallel deployments get distinct bars and the same deployment always gets the same one.
/// </summary>
internal sealed class DeploymentProgress
{
    private readonly string _verb;
    private readonly IOperationSink _sink;
    private string _activity;
    private string _where;

    public DeploymentProgress(string verb, DeploymentTarget target, IOperationSink sink)
    {
        _verb = verb;
        _sink = sink;
        Target = target;
        ActivityId = StableId(target.ServiceName + "/" + (target.DeploymentName ?? target.Slot.ToString()));
        _activity = $"{verb} {target.DeploymentName ?? target.Slot.ToString()}";
        _where = target.ServiceName + "/" + (target.Slot?.ToString() ?? target.DeploymentName);
    }

    public DeploymentTarget Target { get; }

    public int ActivityId { get; }

    /// <summary>When true, a finished wait leaves the bar open (walking every domain completes it after the last walk).</summary>
    public bool KeepOpen { get; set; }

    /// <summary>The bar for an operation of <paramref name="kind"/>, or null for kinds that walk no upgrade domains.</summary>
    public static DeploymentProgress? For(OperationKind kind, DeploymentTarget target, IOperationSink sink)
    {
        string? verb = Verb(kind);
        return verb is null ? null : new DeploymentProgress(verb, target, sink);
    }

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

    /// <summary>Reports a status of the workflow's own (a monitored upgrade's stage) at <paramref name="percent"/>.</summary>
    public void Status(string status, int percent) => Write(status, percent);

    /// <summary>Writes the Completed record that removes the bar.</summary>
    public void Complete() => _sink.Progress(new ProgressUpdate(ActivityId, _activity, "Completed", 100, completed: true));

    private static string? Verb(OperationKind kind)
    {
        switch (kind)
        {
            case OperationKind.UpgradeDeployment:
            case OperationKind.WalkUpgradeDomain:
                return "Upgrading";
            case OperationKind.ChangeDeploymentConfiguration:
                return "Reconfiguring";
            case OperationKind.RollbackUpdateOrUpgrade:
                return "Rolling back";
            default:
                return null;
        }
    }

    private void Write(string status, int percent) => _sink.Progress(new ProgressUpdate(ActivityId, _activity, status + " - " + _where, percent));

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
