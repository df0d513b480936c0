using System;
using System.Globalization;

namespace ClassicDeploy.Models;

/// <summary>What a monitored rolling upgrade does when an upgrade domain does not come back healthy.</summary>
public enum FailureAction
{
    /// <summary>Leave the update in progress, walk no further domain, and say how to resume or roll back.</summary>
    Pause,

    /// <summary>Rollback Update Or Upgrade (Auto), waited for.</summary>
    Rollback,
}

/// <summary>
/// The health gate of a monitored rolling upgrade: how long to wait after a walked domain's
/// instances are ready, how long its checks must keep passing, how long a failing check is
/// retried, how long a domain may take in all, and the share of non-ready instances tolerated.
/// </summary>
public sealed class HealthPolicy
{
    /// <summary>Used when no -UpgradeDomainTimeout is given: the real service's role instance start timeout.</summary>
    public static readonly TimeSpan DefaultUpgradeDomainTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Wait after the domain is ready before the first check.</summary>
    public TimeSpan HealthCheckWait { get; set; } = TimeSpan.Zero;

    /// <summary>How long the check must keep passing before the domain counts as healthy.</summary>
    public TimeSpan HealthCheckStable { get; set; } = TimeSpan.Zero;

    /// <summary>How long a failing check is retried before the domain fails.</summary>
    public TimeSpan HealthCheckRetry { get; set; } = TimeSpan.Zero;

    /// <summary>Time between two checks, and between two readings of the deployment while instances start.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most a domain may take from its walk to ready and healthy.</summary>
    public TimeSpan UpgradeDomainTimeout { get; set; } = DefaultUpgradeDomainTimeout;

    /// <summary>The share (0–100) of instances in the walked domains that may be other than ReadyRole.</summary>
    public int MaxUnhealthyInstancePercent { get; set; }

    public FailureAction FailureAction { get; set; } = FailureAction.Pause;

    /// <summary>Wait between a healthy domain and the walk of the next one.</summary>
    public TimeSpan PauseBetweenDomains { get; set; } = TimeSpan.Zero;

    /// <summary>Refuses a policy no domain could pass, before any request (InvalidParameter naming the parameter).</summary>
    public void Validate()
    {
        NotNegative(HealthCheckWait, nameof(HealthCheckWait));
        NotNegative(HealthCheckStable, nameof(HealthCheckStable));
        NotNegative(HealthCheckRetry, nameof(HealthCheckRetry));
        NotNegative(PauseBetweenDomains, nameof(PauseBetweenDomains));
        if (HealthCheckInterval <= TimeSpan.Zero)
        {
            throw new RequestValidationException($"HealthCheckInterval must be more than zero; it was {Text(HealthCheckInterval)}.", nameof(HealthCheckInterval));
        }

        if (UpgradeDomainTimeout <= TimeSpan.Zero)
        {
            throw new RequestValidationException($"UpgradeDomainTimeout must be more than zero; it was {Text(UpgradeDomainTimeout)}.", nameof(UpgradeDomainTimeout));
        }

        if (MaxUnhealthyInstancePercent < 0 || MaxUnhealthyInstancePercent > 100)
        {
            throw new RequestValidationException($"MaxUnhealthyInstancePercent is a share of instances from 0 to 100; it was {MaxUnhealthyInstancePercent}.", nameof(MaxUnhealthyInstancePercent));
        }

        if (HealthCheckWait + HealthCheckStable >= UpgradeDomainTimeout)
        {
            throw new RequestValidationException(
                $"No upgrade domain could pass: HealthCheckWait ({Text(HealthCheckWait)}) plus HealthCheckStable ({Text(HealthCheckStable)}) is not less than UpgradeDomainTimeout ({Text(UpgradeDomainTimeout)}). Give a longer -UpgradeDomainTimeout.",
                nameof(UpgradeDomainTimeout));
        }
    }

    /// <summary>A duration as people read it: "90 s", "00:10:00".</summary>
    internal static string Text(TimeSpan value) =>
        value.TotalSeconds < 100 && value.TotalSeconds > -100
            ? value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
            : value.ToString("c", CultureInfo.InvariantCulture);

    private static void NotNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            throw new RequestValidationException($"{name} must not be negative; it was {Text(value)}.", name);
        }
    }
}
