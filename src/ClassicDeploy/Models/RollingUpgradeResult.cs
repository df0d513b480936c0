using System;
using ClassicDeploy.Models;

namespace ClassicDeploy;

/// <summary>How a monitored rolling upgrade ended.</summary>
public enum RollingUpgradeOutcome
{
    /// <summary>Every upgrade domain was walked and found healthy.</summary>
    Completed,

    /// <summary>A domain failed its health gate and the update was rolled back.</summary>
    RolledBack,

    /// <summary>A domain failed its health gate and the update was left in progress.</summary>
    Paused,

    /// <summary>An operation failed, or a domain failed when the update could no longer be rolled back.</summary>
    Failed,
}

/// <summary>
/// The output of a monitored rolling upgrade (Step-UpgradeDomain -All or Invoke-UpgradeDeployment
/// -Wait with a health option), one per deployment; its PowerShell type name is
/// ClassicDeploy.RollingUpgradeResult.
/// </summary>
public sealed class RollingUpgradeResult
{
    /// <summary>The name PowerShell shows first for this object, and its format view selects.</summary>
    public const string TypeName = "ClassicDeploy.RollingUpgradeResult";

    public string ServiceName { get; set; } = string.Empty;

    public DeploymentSlot? Slot { get; set; }

    public string DeploymentName { get; set; } = string.Empty;

    public RollingUpgradeOutcome Outcome { get; set; }

    /// <summary>The upgrade domain whose gate failed; null when none did.</summary>
    public int? FailedUpgradeDomain { get; set; }

    /// <summary>Why the upgrade did not complete; null when it did.</summary>
    public string? Reason { get; set; }

    public TimeSpan Duration { get; set; }

    /// <summary>One entry per upgrade domain gated, in the order they were.</summary>
    public UpgradeDomainResult[] Domains { get; set; } = Array.Empty<UpgradeDomainResult>();

    /// <summary>The upgrade, walk and rollback operations, in the order they were sent.</summary>
    public DeploymentOperation[] Operations { get; set; } = Array.Empty<DeploymentOperation>();
}

/// <summary>One upgrade domain of a monitored rolling upgrade.</summary>
public sealed class UpgradeDomainResult
{
    public int UpgradeDomain { get; set; }

    /// <summary>When the domain's walk was sent (Manual) or seen (Auto), UTC; for a domain re-checked on resume, when the check began.</summary>
    public DateTime? WalkedAt { get; set; }

    /// <summary>When its instances were seen ready, UTC.</summary>
    public DateTime? ReadyAt { get; set; }

    public bool Healthy { get; set; }

    public int ChecksPassed { get; set; }

    public int ChecksFailed { get; set; }

    public string? Message { get; set; }
}
