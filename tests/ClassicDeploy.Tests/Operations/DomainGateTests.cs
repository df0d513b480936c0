using System;
using System.Linq;
using ClassicDeploy.Models;
using ClassicDeploy.Operations.Monitoring;
using Xunit;

namespace ClassicDeploy.Tests.Operations;

/// <summary>The per-domain health gate as a state machine over given times: no clock, no runspace, no server.</summary>
public sealed class DomainGateTests
{
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static HealthPolicy Policy(double wait = 0, double stable = 0, double retry = 0, double interval = 5, double timeout = 600, int max = 0) => new HealthPolicy
    {
        HealthCheckWait = TimeSpan.FromSeconds(wait),
        HealthCheckStable = TimeSpan.FromSeconds(stable),
        HealthCheckRetry = TimeSpan.FromSeconds(retry),
        HealthCheckInterval = TimeSpan.FromSeconds(interval),
        UpgradeDomainTimeout = TimeSpan.FromSeconds(timeout),
        MaxUnhealthyInstancePercent = max,
    };

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    /// <summary>Domain 0 with <paramref name="ready"/> of <paramref name="total"/> instances ReadyRole, the others BusyRole.</summary>
    internal static InstanceReadiness Domain0(int ready, int total, int max = 0)
    {
        var deployment = new Deployment
        {
            RoleInstances = Enumerable.Range(0, total)
                .Select(i => new RoleInstance { InstanceName = "web_IN_" + i, InstanceUpgradeDomain = 0, InstanceStatus = i < ready ? "ReadyRole" : "BusyRole" })
                .Concat(new[] { new RoleInstance { InstanceName = "web_IN_9", InstanceUpgradeDomain = 1, InstanceStatus = "BusyRole" } })
                .ToArray(),
        };
        return InstanceReadiness.Of(deployment, 0, new[] { 0 }, max);
    }

    [Fact]
    public void A_ready_domain_is_checked_after_HealthCheckWait_and_one_pass_makes_it_healthy()
    {
        var gate = new DomainGate(0, Policy(wait: 30), At(0));

        Assert.Equal(GateAction.ReadDeployment, gate.Pending.Action);
        GateStep step = gate.Observe(At(10), Domain0(2, 2));

        Assert.Equal(GateAction.RunCheck, step.Action);
        Assert.Equal(At(40), step.At);
        Assert.Equal(GateAction.Passed, gate.Checked(At(40), true, null).Action);
        UpgradeDomainResult result = gate.ToResult();
        Assert.True(result.Healthy);
        Assert.Equal(At(10).UtcDateTime, result.ReadyAt);
        Assert.Equal(1, result.ChecksPassed);
        Assert.Equal(0, result.ChecksFailed);
    }

    [Fact]
    public void Instances_not_ready_are_read_again_each_interval_and_fail_the_domain_at_UpgradeDomainTimeout()
    {
        var gate = new DomainGate(0, Policy(interval: 5, timeout: 12), At(0));

        Assert.Equal(At(5), gate.Observe(At(0), Domain0(1, 2)).At);
        Assert.Equal(At(10), gate.Observe(At(5), Domain0(1, 2)).At);
        Assert.Equal(At(12), gate.Observe(At(10), Domain0(1, 2)).At);
        GateStep failed = gate.Observe(At(12), Domain0(1, 2));

        Assert.Equal(GateAction.Failed, failed.Action);
        Assert.Contains("1 of 2 instances ready after UpgradeDomainTimeout (12 s)", failed.Reason);
        Assert.False(gate.ToResult().Healthy);
        Assert.Null(gate.ToResult().ReadyAt);
    }

    [Fact]
    public void MaxUnhealthyInstancePercent_lets_a_domain_count_as_ready_with_that_share_not_ready()
    {
        // Domain 0 has 4 instances, 3 ready: 25 % not ready.
        Assert.False(Domain0(3, 4, max: 20).WithinLimit);
        Assert.Contains("1 of 4 instances in upgrade domain 0 are not ReadyRole (25 %, more than MaxUnhealthyInstancePercent 20 %)", Domain0(3, 4, max: 20).Failure);
        Assert.True(Domain0(3, 4, max: 25).WithinLimit);
        Assert.Null(Domain0(3, 4, max: 25).Failure);

        var gate = new DomainGate(0, Policy(max: 25), At(0));
        Assert.Equal(GateAction.RunCheck, gate.Observe(At(1), Domain0(3, 4, max: 25)).Action);
    }

    [Fact]
    public void A_flaky_check_that_passes_within_HealthCheckRetry_leaves_the_domain_healthy()
    {
        var gate = new DomainGate(0, Policy(retry: 20, interval: 5), At(0));
        gate.Observe(At(0), Domain0(2, 2));

        Assert.Equal(At(5), gate.Checked(At(0), false, "HTTP 503").At);
        Assert.Equal(At(10), gate.Checked(At(5), false, "HTTP 503").At);
        GateStep passed = gate.Checked(At(10), true, null);

        Assert.Equal(GateAction.Passed, passed.Action);
        Assert.Equal(1, gate.ChecksPassed);
        Assert.Equal(2, gate.ChecksFailed);
    }

    [Fact]
    public void A_check_still_failing_when_HealthCheckRetry_runs_out_fails_the_domain_with_its_reason()
    {
        var gate = new DomainGate(2, Policy(retry: 12, interval: 5), At(0));
        gate.Observe(At(0), Domain0(2, 2));

        gate.Checked(At(0), false, "HTTP 503");
        gate.Checked(At(5), false, "HTTP 503");
        // The last retry falls at the end of the retry window, not a whole interval later.
        Assert.Equal(At(12), gate.Checked(At(10), false, "HTTP 503").At);
        GateStep failed = gate.Checked(At(12), false, "HTTP 500");

        Assert.Equal(GateAction.Failed, failed.Action);
        Assert.Equal("upgrade domain 2 is unhealthy (still failing after HealthCheckRetry 12 s): HTTP 500", failed.Reason);
        Assert.Equal(4, gate.ToResult().ChecksFailed);
    }

    [Fact]
    public void Without_HealthCheckRetry_the_first_failing_check_fails_the_domain()
    {
        var gate = new DomainGate(0, Policy(), At(0));
        gate.Observe(At(0), Domain0(2, 2));

        GateStep failed = gate.Checked(At(0), false, null);

        Assert.Equal(GateAction.Failed, failed.Action);
        Assert.Equal("upgrade domain 0 is unhealthy: the health check returned a false value", failed.Reason);
    }

    [Fact]
    public void HealthCheckStable_keeps_checking_and_catches_a_check_that_fails_after_first_passing()
    {
        var gate = new DomainGate(0, Policy(stable: 10, interval: 5), At(0));
        gate.Observe(At(0), Domain0(2, 2));

        Assert.Equal(At(5), gate.Checked(At(0), true, null).At);
        GateStep failed = gate.Checked(At(5), false, "error rate 12 %");

        Assert.Equal(GateAction.Failed, failed.Action);
        Assert.Contains("error rate 12 %", failed.Reason);
        Assert.Equal(1, gate.ChecksPassed);
        Assert.Equal(1, gate.ChecksFailed);
    }

    [Fact]
    public void Checks_passing_for_HealthCheckStable_make_the_domain_healthy_at_the_end_of_the_window()
    {
        var gate = new DomainGate(0, Policy(stable: 12, interval: 5), At(0));
        gate.Observe(At(0), Domain0(2, 2));

        Assert.Equal(At(5), gate.Checked(At(0), true, null).At);
        Assert.Equal(At(10), gate.Checked(At(5), true, null).At);
        Assert.Equal(At(12), gate.Checked(At(10), true, null).At);

        Assert.Equal(GateAction.Passed, gate.Checked(At(12), true, null).Action);
        Assert.Equal(4, gate.ChecksPassed);
    }

    [Fact]
    public void A_failure_within_the_retry_window_restarts_the_stable_window()
    {
        var gate = new DomainGate(0, Policy(stable: 10, retry: 30, interval: 5), At(0));
        gate.Observe(At(0), Domain0(2, 2));

        gate.Checked(At(0), true, null);
        gate.Checked(At(5), false, "slow");
        gate.Checked(At(10), true, null);
        Assert.Equal(GateAction.RunCheck, gate.Checked(At(15), true, null).Action);

        Assert.Equal(GateAction.Passed, gate.Checked(At(20), true, null).Action);
    }

    [Fact]
    public void A_domain_not_healthy_and_stable_by_UpgradeDomainTimeout_fails_naming_it()
    {
        var gate = new DomainGate(1, Policy(wait: 5, stable: 20, retry: 100, interval: 5, timeout: 30), At(0));
        gate.Observe(At(8), Domain0(2, 2));

        gate.Checked(At(13), false, "HTTP 503");
        gate.Checked(At(18), true, null);
        gate.Checked(At(23), true, null);
        Assert.Equal(At(30), gate.Checked(At(28), true, null).At);
        GateStep failed = gate.Checked(At(30), true, null);

        Assert.Equal(GateAction.Failed, failed.Action);
        Assert.Equal("upgrade domain 1 was not healthy within UpgradeDomainTimeout (30 s); last failure: HTTP 503", failed.Reason);
    }

    [Fact]
    public void The_gate_refuses_a_step_out_of_order()
    {
        var gate = new DomainGate(0, Policy(), At(0));

        Assert.Throws<InvalidOperationException>(() => gate.Checked(At(0), true, null));
    }

    [Theory]
    [InlineData("HealthCheckWait", -1, 0, 0, 5, 600, 0)]
    [InlineData("HealthCheckStable", 0, -1, 0, 5, 600, 0)]
    [InlineData("HealthCheckRetry", 0, 0, -1, 5, 600, 0)]
    [InlineData("HealthCheckInterval", 0, 0, 0, 0, 600, 0)]
    [InlineData("UpgradeDomainTimeout", 0, 0, 0, 5, 0, 0)]
    [InlineData("MaxUnhealthyInstancePercent", 0, 0, 0, 5, 600, 101)]
    [InlineData("MaxUnhealthyInstancePercent", 0, 0, 0, 5, 600, -1)]
    [InlineData("UpgradeDomainTimeout", 300, 300, 0, 5, 600, 0)]
    public void A_policy_no_domain_could_pass_is_refused_naming_the_parameter(string parameter, double wait, double stable, double retry, double interval, double timeout, int max)
    {
        HealthPolicy policy = Policy(wait, stable, retry, interval, timeout, max);

        RequestValidationException error = Assert.Throws<RequestValidationException>(policy.Validate);

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(parameter, error.Message);
    }

    [Fact]
    public void The_default_policy_is_valid_and_pauses_on_failure()
    {
        var policy = new HealthPolicy();

        policy.Validate();
        Assert.Equal(FailureAction.Pause, policy.FailureAction);
        Assert.Equal(TimeSpan.FromSeconds(5), policy.HealthCheckInterval);
        Assert.Equal(0, policy.MaxUnhealthyInstancePercent);
    }
}
