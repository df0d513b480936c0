using System;
using System.Linq;
using System.Management.Automation;
using ClassicDeploy.Models;
using ClassicDeploy.Operations;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// A mutation that can be a monitored rolling upgrade (Step-UpgradeDomain -All, Invoke-UpgradeDeployment
/// -Wait): the health gate's parameters, and the health check run on the pipeline thread.
/// </summary>
public abstract class MonitoredUpgradeCmdlet : DeploymentMutationCmdlet
{
    private static readonly string[] HealthParameters =
    {
        nameof(HealthCheck), nameof(HealthCheckWait), nameof(HealthCheckStable), nameof(HealthCheckRetry), nameof(HealthCheckInterval),
        nameof(UpgradeDomainTimeout), nameof(MaxUnhealthyInstancePercent), nameof(FailureAction), nameof(PauseBetweenDomains),
    };

    /// <summary>Run after each upgrade domain's updated instances are ready: $args[0] (and $_) the fresh Deployment, $args[1] the domain. Healthy when its last output is true and it does not throw.</summary>
    [Parameter]
    public ScriptBlock? HealthCheck { get; set; }

    /// <summary>Wait after a domain is ready before its first check (seconds or a TimeSpan; default 0).</summary>
    [Parameter]
    [Seconds]
    public TimeSpan HealthCheckWait { get; set; } = TimeSpan.Zero;

    /// <summary>How long the check must keep passing (default 0: one pass).</summary>
    [Parameter]
    [Seconds]
    public TimeSpan HealthCheckStable { get; set; } = TimeSpan.Zero;

    /// <summary>How long a failing check is retried before the domain fails (default 0: not retried).</summary>
    [Parameter]
    [Seconds]
    public TimeSpan HealthCheckRetry { get; set; } = TimeSpan.Zero;

    /// <summary>Time between checks, and between readings of the deployment while instances start (default 5 s).</summary>
    [Parameter]
    [Seconds]
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most a domain may take from its walk to ready and healthy (default 30 minutes).</summary>
    [Parameter]
    [Seconds]
    public TimeSpan UpgradeDomainTimeout { get; set; } = HealthPolicy.DefaultUpgradeDomainTimeout;

    /// <summary>The share (0-100) of instances in the walked domains that may be other than ReadyRole (default 0).</summary>
    [Parameter]
    [ValidateRange(0, 100)]
    public int MaxUnhealthyInstancePercent { get; set; }

    /// <summary>Rollback (Auto, waited for) or Pause (leave the update in progress; the default).</summary>
    [Parameter]
    public FailureAction FailureAction { get; set; } = FailureAction.Pause;

    /// <summary>Wait between a healthy domain and the walk of the next one (default 0).</summary>
    [Parameter]
    [Seconds]
    public TimeSpan PauseBetweenDomains { get; set; } = TimeSpan.Zero;

    /// <summary>True when any health option was given: the command is a monitored rolling upgrade.</summary>
    private protected bool Monitored => HealthParameters.Any(MyInvocation.BoundParameters.ContainsKey);

    /// <summary>The health gate as the workflow takes it.</summary>
    private protected HealthPolicy Policy => new HealthPolicy
    {
        HealthCheckWait = HealthCheckWait,
        HealthCheckStable = HealthCheckStable,
        HealthCheckRetry = HealthCheckRetry,
        HealthCheckInterval = HealthCheckInterval,
        UpgradeDomainTimeout = UpgradeDomainTimeout,
        MaxUnhealthyInstancePercent = MaxUnhealthyInstancePercent,
        FailureAction = FailureAction,
        PauseBetweenDomains = PauseBetweenDomains,
    };

    /// <summary>Refuses health options where they cannot apply (<paramref name="why"/> says what they need), before any request.</summary>
    private protected void RequireMonitorable(bool applies, string why)
    {
        if (Monitored && !applies)
        {
            string given = HealthParameters.First(MyInvocation.BoundParameters.ContainsKey);
            ThrowTerminatingError(ErrorRecords.From(new RequestValidationException($"-{given} gates a rolling upgrade domain by domain: {why}", given), null));
        }
    }

    /// <inheritdoc />
    private protected override HealthVerdict CheckHealth(HealthCheck check) =>
        HealthCheck is null ? HealthVerdict.Healthy : HealthCheckScript.Run(HealthCheck, check);
}
