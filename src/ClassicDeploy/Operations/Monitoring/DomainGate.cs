using System;
using ClassicDeploy.Models;

namespace ClassicDeploy.Operations.Monitoring;

/// <summary>What the driver of a <see cref="DomainGate"/> does next, and when.</summary>
internal enum GateAction
{
    /// <summary>Read the deployment at <see cref="GateStep.At"/> and pass what it says to <see cref="DomainGate.Observe"/>.</summary>
    ReadDeployment,

    /// <summary>At <see cref="GateStep.At"/>, read the deployment, run the built-in check and the health check, and pass the result to <see cref="DomainGate.Checked"/>.</summary>
    RunCheck,

    /// <summary>The domain is ready and healthy.</summary>
    Passed,

    /// <summary>The domain failed; <see cref="GateStep.Reason"/> says why.</summary>
    Failed,
}

/// <summary>One decision of a <see cref="DomainGate"/>.</summary>
internal readonly struct GateStep
{
    public GateStep(GateAction action, DateTimeOffset at, string? reason = null)
    {
        Action = action;
        At = at;
        Reason = reason;
    }

    public GateAction Action { get; }

    public DateTimeOffset At { get; }

    public string? Reason { get; }

    public bool IsFinal => Action == GateAction.Passed || Action == GateAction.Failed;
}

/// <summary>
/// The health gate of one walked upgrade domain, a pure state machine over the times it is given:
/// wait until the domain's instances are ready (read at HealthCheckInterval), then HealthCheckWait,
/// then checks at HealthCheckInterval until they have passed for HealthCheckStable (the domain is
/// healthy) or a failing check has been retried for HealthCheckRetry (the domain fails). A failure
/// after a pass restarts the stable window; a pass after a failure ends the retry window. All of it
/// within UpgradeDomainTimeout of the walk.
/// </summary>
internal sealed class DomainGate
{
    private readonly HealthPolicy _policy;
    private DateTimeOffset? _passingSince;
    private DateTimeOffset? _failingSince;
    private string? _lastFailure;

    public DomainGate(int domain, HealthPolicy policy, DateTimeOffset walkedAt)
    {
        Domain = domain;
        _policy = policy;
        WalkedAt = walkedAt;
        Deadline = walkedAt + policy.UpgradeDomainTimeout;
        Pending = new GateStep(GateAction.ReadDeployment, walkedAt);
    }

    public int Domain { get; }

    public DateTimeOffset WalkedAt { get; }

    public DateTimeOffset Deadline { get; }

    public DateTimeOffset? ReadyAt { get; private set; }

    public int ChecksPassed { get; private set; }

    public int ChecksFailed { get; private set; }

    /// <summary>The step the driver is to take next; final once the domain passed or failed.</summary>
    public GateStep Pending { get; private set; }

    /// <summary>True once the instances were ready and the gate is checking health.</summary>
    public bool Checking => ReadyAt.HasValue && !Pending.IsFinal;

    /// <summary>A reading of the deployment while its instances start.</summary>
    public GateStep Observe(DateTimeOffset now, InstanceReadiness readiness)
    {
        RequireStep(GateAction.ReadDeployment);
        if (readiness.WithinLimit)
        {
            ReadyAt = now;
            return Pending = new GateStep(GateAction.RunCheck, Earliest(now + _policy.HealthCheckWait, Deadline));
        }

        if (now >= Deadline)
        {
            return Fail(now, $"upgrade domain {Domain}: {readiness.DomainReady} of {readiness.DomainTotal} instances ready after UpgradeDomainTimeout ({HealthPolicy.Text(_policy.UpgradeDomainTimeout)}); {readiness.Failure}");
        }

        return Pending = new GateStep(GateAction.ReadDeployment, Earliest(now + _policy.HealthCheckInterval, Deadline));
    }

    /// <summary>The result of one check (the built-in one and the script): healthy, or not with a reason.</summary>
    public GateStep Checked(DateTimeOffset now, bool healthy, string? reason)
    {
        RequireStep(GateAction.RunCheck);
        if (healthy)
        {
            ChecksPassed++;
            _failingSince = null;
            _passingSince ??= now;
            if (now - _passingSince.Value >= _policy.HealthCheckStable)
            {
                return Pending = new GateStep(GateAction.Passed, now);
            }
        }
        else
        {
            ChecksFailed++;
            _passingSince = null;
            _failingSince ??= now;
            _lastFailure = string.IsNullOrEmpty(reason) ? "the health check returned a false value" : reason;
            if (now - _failingSince.Value >= _policy.HealthCheckRetry)
            {
                string retried = _policy.HealthCheckRetry > TimeSpan.Zero ? $" (still failing after HealthCheckRetry {HealthPolicy.Text(_policy.HealthCheckRetry)})" : string.Empty;
                return Fail(now, $"upgrade domain {Domain} is unhealthy{retried}: {_lastFailure}");
            }
        }

        if (now >= Deadline)
        {
            string last = _lastFailure is null ? "checks passing but not yet for HealthCheckStable " + HealthPolicy.Text(_policy.HealthCheckStable) : "last failure: " + _lastFailure;
            return Fail(now, $"upgrade domain {Domain} was not healthy within UpgradeDomainTimeout ({HealthPolicy.Text(_policy.UpgradeDomainTimeout)}); {last}");
        }

        DateTimeOffset next = now + _policy.HealthCheckInterval;
        if (_passingSince.HasValue)
        {
            next = Earliest(next, _passingSince.Value + _policy.HealthCheckStable);
        }

        if (_failingSince.HasValue)
        {
            next = Earliest(next, _failingSince.Value + _policy.HealthCheckRetry);
        }

        return Pending = new GateStep(GateAction.RunCheck, Earliest(next, Deadline));
    }

    /// <summary>Ends the gate with a failure that is not a check's (a walk failed, the update ended).</summary>
    public GateStep Abandon(DateTimeOffset now, string reason) => Fail(now, reason);

    /// <summary>What the result object says about this domain.</summary>
    public UpgradeDomainResult ToResult() => new UpgradeDomainResult
    {
        UpgradeDomain = Domain,
        WalkedAt = WalkedAt.UtcDateTime,
        ReadyAt = ReadyAt?.UtcDateTime,
        Healthy = Pending.Action == GateAction.Passed,
        ChecksPassed = ChecksPassed,
        ChecksFailed = ChecksFailed,
        Message = Pending.Action switch
        {
            GateAction.Passed => ChecksPassed == 1 ? "healthy: 1 check passed" : $"healthy: {ChecksPassed} checks passed",
            GateAction.Failed => Pending.Reason,
            _ => ReadyAt.HasValue ? "checking health" : "waiting for instances",
        },
    };

    private GateStep Fail(DateTimeOffset now, string reason) => Pending = new GateStep(GateAction.Failed, now, reason);

    private void RequireStep(GateAction action)
    {
        if (Pending.Action != action)
        {
            throw new InvalidOperationException($"The gate of upgrade domain {Domain} expects {Pending.Action}, not {action}.");
        }
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
