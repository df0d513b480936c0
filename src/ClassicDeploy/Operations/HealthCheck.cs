using ClassicDeploy.Models;

namespace ClassicDeploy.Operations;

/// <summary>What a health gate is asked about: the deployment as read after upgrade domain <see cref="UpgradeDomain"/> was walked.</summary>
internal sealed class HealthCheck
{
    public HealthCheck(Deployment deployment, int upgradeDomain)
    {
        Deployment = deployment;
        UpgradeDomain = upgradeDomain;
    }

    public Deployment Deployment { get; }

    /// <summary>The upgrade domain (zero-based) just walked.</summary>
    public int UpgradeDomain { get; }
}

/// <summary>A health gate's answer: healthy, or not with a reason to report.</summary>
internal sealed class HealthVerdict
{
    private HealthVerdict(bool healthy, string? reason)
    {
        IsHealthy = healthy;
        Reason = reason;
    }

    public static HealthVerdict Healthy { get; } = new HealthVerdict(true, null);

    public bool IsHealthy { get; }

    public string? Reason { get; }

    public static HealthVerdict Unhealthy(string reason) => new HealthVerdict(false, reason);
}
