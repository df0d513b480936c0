namespace ClassicDeploy.Models;

/// <summary>The in-progress update of a deployment.</summary>
public sealed class UpgradeStatus
{
    public UpgradeMode UpgradeType { get; set; }

    /// <summary>Before or During.</summary>
    public string CurrentUpgradeDomainState { get; set; } = string.Empty;

    public int CurrentUpgradeDomain { get; set; }

    /// <summary>"Manual upgrade, upgrade domain 1 Before": the API's zero-based domain number, as in RoleInstance.InstanceUpgradeDomain.</summary>
    public override string ToString() =>
        $"{UpgradeType} upgrade, upgrade domain {CurrentUpgradeDomain} {CurrentUpgradeDomainState}";
}
