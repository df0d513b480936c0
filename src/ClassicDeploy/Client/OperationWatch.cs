using System;
using ClassicDeploy.Models;

namespace ClassicDeploy.Client;

/// <summary>
/// The deployment an operation changes, for a wait that reads it with Get Deployment: the answers feed the
/// progress bar (<see cref="Seen"/>) and tell the wait when to look (see <see cref="WaitSchedule"/>).
/// </summary>
internal sealed class OperationWatch
{
    public OperationWatch(DeploymentTarget deployment, bool walksEveryDomain, Action<Deployment>? seen, Action<Exception>? unreadable)
    {
        Deployment = deployment;
        WalksEveryDomain = walksEveryDomain;
        Seen = seen;
        Unreadable = unreadable;
    }

    public DeploymentTarget Deployment { get; }

    /// <summary>When the service accepted the operation (UTC), if known: the wait's forecast counts time from then.</summary>
    public DateTime? AcceptedAt { get; set; }

    /// <summary>True for an upgrade or configuration change, which in Auto mode walks every upgrade domain in turn.</summary>
    public bool WalksEveryDomain { get; }

    /// <summary>Whether each upgrade domain must be seen for the progress bar; false when nobody sees it (see <see cref="WaitSchedule.ShowsEveryDomain"/>).</summary>
    public bool ShowsEveryDomain { get; set; } = true;

    /// <summary>Called with each Get Deployment answer.</summary>
    public Action<Deployment>? Seen { get; }

    /// <summary>Called once when Get Deployment fails; the wait goes on with Get Operation Status alone.</summary>
    public Action<Exception>? Unreadable { get; }
}
