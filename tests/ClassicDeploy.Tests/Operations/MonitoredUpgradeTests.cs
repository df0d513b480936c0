using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Models;
using ClassicDeploy.Operations;
using Xunit;
using PackageBehavior = ClassicDeploy.Emulator.State.PackageBehavior;
using PackageBehaviorRule = ClassicDeploy.Emulator.State.PackageBehaviorRule;

namespace ClassicDeploy.Tests.Operations;

/// <summary>
/// Monitored rolling upgrades against the emulator on an injected clock, without a runspace: the
/// health check is the sink's answer, scripted per test.
/// </summary>
public sealed class MonitoredUpgradeTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(UpgradeMode.Manual)]
    [InlineData(UpgradeMode.Auto)]
    public async Task A_healthy_package_completes_with_every_domain_checked(UpgradeMode mode)
    {
        await using VirtualService s = await VirtualService.StartAsync();
        s.Sink.Health = _ => HealthVerdict.Healthy;

        RollingUpgradeResult? result = await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(mode), VirtualService.Policy(stable: 10), new OperationWait(true, null), None);

        Assert.NotNull(result);
        Assert.Equal(RollingUpgradeOutcome.Completed, result!.Outcome);
        Assert.Null(result.FailedUpgradeDomain);
        Assert.Null(result.Reason);
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, result.Domains.Select(d => d.UpgradeDomain));
        Assert.All(result.Domains, d => Assert.True(d.Healthy));
        Assert.All(result.Domains, d => Assert.True(d.ChecksPassed >= 3, $"domain {d.UpgradeDomain}: {d.ChecksPassed} checks"));
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, s.Sink.Checks.Select(c => c.UpgradeDomain).Distinct());
        Assert.Same(result, Assert.Single(s.Sink.Output.OfType<RollingUpgradeResult>()));
        Assert.Empty(s.Sink.Errors);
        Assert.Equal(mode == UpgradeMode.Manual ? 5 : 0, s.Walks);
        Assert.Equal(OperationKind.UpgradeDeployment, result.Operations[0].Kind);
        Assert.All(result.Operations, o => Assert.Equal(OperationState.Succeeded, o.Status));
        Deployment after = await s.GetAsync();
        Assert.Null(after.UpgradeStatus);
        Assert.Equal(VirtualService.NewConfiguration, after.Configuration);
    }

    [Fact]
    public async Task Manual_a_failing_check_after_domain_0_rolls_back_before_any_other_domain_is_walked()
    {
        await using VirtualService s = await VirtualService.StartAsync();
        s.Sink.Health = c => HealthVerdict.Unhealthy("GET /health answered 500");

        RollingUpgradeResult? result = await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Manual), VirtualService.Policy(), new OperationWait(true, null), None);

        Assert.Equal(RollingUpgradeOutcome.RolledBack, result!.Outcome);
        Assert.Equal(0, result.FailedUpgradeDomain);
        Assert.Contains("GET /health answered 500", result.Reason);
        Assert.Equal(1, s.Walks);
        Assert.Single(s.Rollbacks);
        Assert.Equal(new[] { OperationKind.UpgradeDeployment, OperationKind.WalkUpgradeDomain, OperationKind.RollbackUpdateOrUpgrade }, result.Operations.Select(o => o.Kind));
        Assert.Equal(OperationState.Succeeded, result.Operations.Last().Status);
        UpgradeDomainResult domain = Assert.Single(result.Domains);
        Assert.False(domain.Healthy);
        Assert.Equal(1, domain.ChecksFailed);

        // The error comes after the result, once the rollback has finished, naming domain and reason.
        var (error, target) = Assert.Single(s.Sink.Errors);
        WorkflowException failed = Assert.IsType<WorkflowException>(error);
        Assert.Equal("HealthCheckFailed", failed.ErrorId);
        Assert.Contains("rolled back at upgrade domain 0", failed.Message);
        Assert.Contains("GET /health answered 500", failed.Message);
        Assert.Same(result, target);
        Deployment after = await s.GetAsync();
        Assert.Null(after.UpgradeStatus);
        Assert.Equal(VirtualService.Configuration, after.Configuration);
    }

    [Fact]
    public async Task A_flaky_check_that_passes_within_HealthCheckRetry_completes()
    {
        await using VirtualService s = await VirtualService.StartAsync();
        int calls = 0;
        s.Sink.Health = c => c.UpgradeDomain == 1 && ++calls <= 2 ? HealthVerdict.Unhealthy("warming up") : HealthVerdict.Healthy;

        RollingUpgradeResult? result = await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Manual), VirtualService.Policy(retry: 30), new OperationWait(true, null), None);

        Assert.Equal(RollingUpgradeOutcome.Completed, result!.Outcome);
        UpgradeDomainResult flaky = result.Domains[1];
        Assert.True(flaky.Healthy);
        Assert.Equal(2, flaky.ChecksFailed);
        Assert.Equal(1, flaky.ChecksPassed);
        Assert.Empty(s.Sink.Errors);
    }

    [Fact]
    public async Task HealthCheckStable_catches_a_check_that_fails_after_first_passing()
    {
        await using VirtualService s = await VirtualService.StartAsync();
        int calls = 0;
        s.Sink.Health = c => c.UpgradeDomain == 1 && ++calls >= 2 ? HealthVerdict.Unhealthy("memory leak") : HealthVerdict.Healthy;

        RollingUpgradeResult? result = await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Manual), VirtualService.Policy(stable: 20), new OperationWait(true, null), None);

        Assert.Equal(RollingUpgradeOutcome.RolledBack, result!.Outcome);
        Assert.Equal(1, result.FailedUpgradeDomain);
        Assert.True(result.Domains[0].Healthy);
        Assert.Equal(1, result.Domains[1].ChecksPassed);
        Assert.Equal(1, result.Domains[1].ChecksFailed);
        Assert.Equal(2, s.Walks);
    }

    [Fact]
    public async Task Pause_leaves_the_update_in_progress_and_says_how_to_resume_then_resuming_rechecks_walked_domains_first()
    {
        await using VirtualService s = await VirtualService.StartAsync();
        s.Sink.Health = c => c.UpgradeDomain == 1 ? HealthVerdict.Unhealthy("smoke test failed") : HealthVerdict.Healthy;

        RollingUpgradeResult? paused = await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Manual), VirtualService.Policy(FailureAction.Pause), new OperationWait(true, null), None);

        Assert.Equal(RollingUpgradeOutcome.Paused, paused!.Outcome);
        Assert.Equal(1, paused.FailedUpgradeDomain);
        Assert.Contains("Step-UpgradeDomain -ServiceName contoso -DeploymentName blue -All -HealthCheck", paused.Reason);
        Assert.Contains("Undo-DeploymentUpgrade -ServiceName contoso -DeploymentName blue -Mode Auto -Wait", paused.Reason);
        Assert.Empty(s.Rollbacks);
        Assert.Contains("is paused at upgrade domain 1", Assert.Single(s.Sink.Errors).Error.Message);
        Deployment left = await s.GetAsync();
        Assert.Equal(2, left.UpgradeStatus!.CurrentUpgradeDomain);

        // Fixed: the same gate, run again, re-checks domains 0 and 1 before walking 2, 3 and 4.
        s.Restart();
        s.Sink.Health = _ => HealthVerdict.Healthy;
        RollingUpgradeResult? resumed = await s.Workflows.MonitoredWalkAsync(VirtualService.Target, VirtualService.Policy(FailureAction.Pause), new OperationWait(true, null), None);

        Assert.Equal(RollingUpgradeOutcome.Completed, resumed!.Outcome);
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, resumed.Domains.Select(d => d.UpgradeDomain));
        Assert.Equal(new[] { 0, 1 }, s.Sink.Checks.Take(2).Select(c => c.UpgradeDomain));
        Assert.Equal(5, s.Walks);
        Assert.Null((await s.GetAsync()).UpgradeStatus);
    }

    [Fact]
    public async Task The_same_command_after_the_runbook_was_killed_carries_on_from_the_current_domain_without_a_new_upgrade()
    {
        await using VirtualService s = await VirtualService.StartAsync();
        using var killed = new CancellationTokenSource();
        s.Sink.Health = c =>
        {
            if (c.UpgradeDomain == 2)
            {
                killed.Cancel();
            }

            return HealthVerdict.Healthy;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Manual), VirtualService.Policy(stable: 10), new OperationWait(true, null), killed.Token));
        Assert.Empty(s.Sink.Output.OfType<RollingUpgradeResult>());
        Assert.Equal(3, s.Walks);

        s.Restart();
        s.Sink.Health = _ => HealthVerdict.Healthy;
        RollingUpgradeResult? resumed = await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Manual), VirtualService.Policy(stable: 10), new OperationWait(true, null), None);

        Assert.Equal(RollingUpgradeOutcome.Completed, resumed!.Outcome);
        Assert.Equal(1, s.Upgrades);
        Assert.Equal(5, s.Walks);
        Assert.Equal(new[] { 0, 1, 2 }, s.Sink.Checks.Select(c => c.UpgradeDomain).Distinct().Take(3));
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, resumed.Domains.Select(d => d.UpgradeDomain));
        Assert.Contains(s.Sink.Verbose, v => v.Contains("resuming"));
    }

    [Fact]
    public async Task Stopping_leaves_the_update_in_progress_and_the_warning_names_the_request_id_and_both_commands()
    {
        await using VirtualService s = await VirtualService.StartAsync();
        using var stop = new CancellationTokenSource();
        s.Sink.Health = c =>
        {
            if (c.UpgradeDomain == 1)
            {
                stop.Cancel();
            }

            return HealthVerdict.Healthy;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Manual), VirtualService.Policy(stable: 10), new OperationWait(true, null), stop.Token));

        Deployment left = await s.GetAsync();
        Assert.NotNull(left.UpgradeStatus);
        Assert.Empty(s.Rollbacks);
        string warning = s.Sink.StoppedWarning!;
        string lastWalk = s.Host.Requests.Snapshot().Last(r => r.Query.Contains("comp=walkupgradedomain")).RequestId;
        Assert.Contains(lastWalk, warning);
        Assert.Contains("Step-UpgradeDomain -ServiceName contoso -DeploymentName blue -All -HealthCheck", warning);
        Assert.Contains("Undo-DeploymentUpgrade -ServiceName contoso -DeploymentName blue -Mode Auto -Wait", warning);
    }

    [Fact]
    public async Task Progress_names_the_stage()
    {
        await using VirtualService s = await VirtualService.StartAsync();
        s.Sink.Health = c => c.UpgradeDomain == 1 ? HealthVerdict.Unhealthy("no") : HealthVerdict.Healthy;

        await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Manual), VirtualService.Policy(stable: 10), new OperationWait(true, null), None);

        // Each status names the stage first, then where ("… - contoso/Production").
        string[] statuses = s.Sink.Progress.Select(p => p.Status.Split(" - ")[0]).ToArray();
        Assert.Contains("walking domain 2 of 5", statuses);
        Assert.Contains(statuses, t => t.StartsWith("domain 2 of 5: ", StringComparison.Ordinal) && t.EndsWith(" of 1 instances ready", StringComparison.Ordinal));
        Assert.Contains("domain 1 of 5: health check 2 of 3 passed", statuses);
        Assert.Contains("rolling back", statuses);
        Assert.Single(s.Sink.Progress.Select(p => p.ActivityId).Distinct());
        Assert.True(s.Sink.Progress.Last().Completed);
    }

    [Fact]
    public async Task A_bad_policy_is_refused_before_any_request()
    {
        await using VirtualService s = await VirtualService.StartAsync();
        s.Restart();
        HealthPolicy policy = VirtualService.Policy(stable: 600, timeout: 600);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Manual), policy, new OperationWait(true, null), None));

        Assert.Equal("UpgradeDomainTimeout", error.ParamName);
        Assert.Equal(0, s.Sent);
    }

    private const string CrashPackage = "https://acct.blob.core.windows.net/packages/app-crash.cspkg";
    private const string InvalidPackage = "https://acct.blob.core.windows.net/packages/app-invalid.cspkg";
    private const string SlowPackage = "https://acct.blob.core.windows.net/packages/app-slow.cspkg";

    private static Task<VirtualService> WithBehaviorsAsync() => VirtualService.StartAsync(o =>
    {
        o.PackageBehaviors.Add(new PackageBehaviorRule("*crash*", PackageBehavior.Crash));
        o.PackageBehaviors.Add(new PackageBehaviorRule("*invalid*", PackageBehavior.Invalid));
        o.PackageBehaviors.Add(new PackageBehaviorRule("*slow*", PackageBehavior.Slow));
    });

    [Fact]
    public async Task Manual_a_crashing_package_is_rolled_back_after_domain_0_and_no_other_domain_is_ever_walked()
    {
        await using VirtualService s = await WithBehaviorsAsync();
        s.Sink.Health = _ => HealthVerdict.Healthy;

        RollingUpgradeResult? result = await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Manual, CrashPackage), VirtualService.Policy(timeout: 300), new OperationWait(true, null), None);

        Assert.Equal(RollingUpgradeOutcome.RolledBack, result!.Outcome);
        Assert.Equal(0, result.FailedUpgradeDomain);
        Assert.Contains("upgrade domain 0: 0 of 1 instances ready after UpgradeDomainTimeout (00:05:00)", result.Reason);
        Assert.Equal(1, s.Walks);
        Assert.Single(s.Rollbacks);
        // The health check is never asked about a domain whose instances never became ready.
        Assert.Empty(s.Sink.Checks);
        Deployment after = await s.GetAsync();
        Assert.Null(after.UpgradeStatus);
        Assert.Equal(VirtualService.Configuration, after.Configuration);
    }

    [Fact]
    public async Task Auto_a_crashing_package_is_rolled_back_at_the_first_failing_domain()
    {
        await using VirtualService s = await WithBehaviorsAsync();
        s.Sink.Health = _ => HealthVerdict.Healthy;

        RollingUpgradeResult? result = await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Auto, CrashPackage), VirtualService.Policy(timeout: 300), new OperationWait(true, null), None);

        Assert.Equal(RollingUpgradeOutcome.RolledBack, result!.Outcome);
        Assert.Equal(0, result.FailedUpgradeDomain);
        Assert.Equal(0, s.Walks);
        Assert.Single(s.Rollbacks);
        Assert.Equal(new[] { OperationKind.UpgradeDeployment, OperationKind.RollbackUpdateOrUpgrade }, result.Operations.Select(o => o.Kind));
        Assert.Equal(OperationState.Succeeded, result.Operations[1].Status);
        Assert.Null((await s.GetAsync()).UpgradeStatus);
    }

    [Theory]
    [InlineData(UpgradeMode.Manual)]
    [InlineData(UpgradeMode.Auto)]
    public async Task An_invalid_package_fails_and_the_error_names_the_servers_code(UpgradeMode mode)
    {
        await using VirtualService s = await WithBehaviorsAsync();
        s.Sink.Health = _ => HealthVerdict.Healthy;

        RollingUpgradeResult? result = await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(mode, InvalidPackage), VirtualService.Policy(), new OperationWait(true, null), None);

        Assert.Equal(RollingUpgradeOutcome.Failed, result!.Outcome);
        DeploymentOperation upgrade = Assert.Single(result.Operations);
        Assert.Equal(OperationState.Failed, upgrade.Status);
        Assert.False(string.IsNullOrEmpty(upgrade.ErrorCode));
        Assert.Contains($"Upgrade Deployment failed (operation {upgrade.RequestId}): {upgrade.ErrorCode}: ", result.Reason);
        WorkflowException error = Assert.IsType<WorkflowException>(Assert.Single(s.Sink.Errors).Error);
        Assert.Equal("HealthCheckFailed", error.ErrorId);
        Assert.Contains(upgrade.ErrorCode!, error.Message);
        Assert.Equal(0, s.Walks);
        Assert.Empty(s.Rollbacks);
        Assert.Empty(s.Sink.Checks);
    }

    [Fact]
    public async Task A_slow_package_within_UpgradeDomainTimeout_completes()
    {
        await using VirtualService s = await WithBehaviorsAsync();
        s.Sink.Health = _ => HealthVerdict.Healthy;

        RollingUpgradeResult? result = await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Manual, SlowPackage), VirtualService.Policy(timeout: 900), new OperationWait(true, null), None);

        Assert.Equal(RollingUpgradeOutcome.Completed, result!.Outcome);
        Assert.All(result.Domains, d => Assert.True(d.ReadyAt - d.WalkedAt > TimeSpan.FromMinutes(4), $"domain {d.UpgradeDomain} was ready after {d.ReadyAt - d.WalkedAt}"));
        Assert.Equal(5, s.Walks);
    }

    [Fact]
    public async Task A_slow_package_beyond_UpgradeDomainTimeout_is_rolled_back_after_domain_0()
    {
        await using VirtualService s = await WithBehaviorsAsync();
        s.Sink.Health = _ => HealthVerdict.Healthy;

        RollingUpgradeResult? result = await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Manual, SlowPackage), VirtualService.Policy(timeout: 120), new OperationWait(true, null), None);

        Assert.Equal(RollingUpgradeOutcome.RolledBack, result!.Outcome);
        Assert.Equal(0, result.FailedUpgradeDomain);
        Assert.Contains("UpgradeDomainTimeout (00:02:00)", result.Reason);
        Assert.Equal(1, s.Walks);
    }

    [Fact]
    public async Task Auto_a_check_failing_at_domain_2_rolls_back_there()
    {
        await using VirtualService s = await VirtualService.StartAsync();
        s.Sink.Health = c => c.UpgradeDomain == 2 ? HealthVerdict.Unhealthy("error rate 9 %") : HealthVerdict.Healthy;

        RollingUpgradeResult? result = await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Auto), VirtualService.Policy(), new OperationWait(true, null), None);

        Assert.Equal(RollingUpgradeOutcome.RolledBack, result!.Outcome);
        Assert.Equal(2, result.FailedUpgradeDomain);
        Assert.Equal(new[] { true, true, false }, result.Domains.Select(d => d.Healthy));
        Assert.Single(s.Rollbacks);
        Assert.Null((await s.GetAsync()).UpgradeStatus);
        Assert.Equal(VirtualService.Configuration, (await s.GetAsync()).Configuration);
    }

    [Fact]
    public async Task A_rollback_refused_while_the_deployment_is_locked_is_tried_again_until_accepted()
    {
        await using VirtualService s = await VirtualService.StartAsync();
        using var other = new ClassicDeploy.Client.ServiceManagementClient(new ClassicDeploy.Client.ServiceManagementClientOptions { Endpoint = s.Host.BaseAddress, SubscriptionId = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d" });
        s.Sink.Health = c =>
        {
            // Another client walks the next domain just then: the service holds the deployment while it accepts the walk.
            other.WalkUpgradeDomainAsync(VirtualService.Target, new WalkUpgradeDomainRequest { UpgradeDomain = 1 }, None).GetAwaiter().GetResult();
            return HealthVerdict.Unhealthy("smoke test failed");
        };

        RollingUpgradeResult? result = await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Manual), VirtualService.Policy(), new OperationWait(true, null), None);

        Assert.Equal(RollingUpgradeOutcome.RolledBack, result!.Outcome);
        Assert.Contains(s.Host.Requests.Snapshot(), r => r.Query.Contains("comp=rollback") && r.StatusCode == 409);
        Assert.Single(s.Rollbacks);
        Assert.Contains(s.Sink.Verbose, v => v.Contains("refused while the deployment is locked"));
        Assert.Null((await s.GetAsync()).UpgradeStatus);
    }

    [Fact]
    public async Task A_last_domain_failing_after_the_service_completed_the_update_is_Failed_not_Paused()
    {
        await using VirtualService s = await VirtualService.StartAsync();
        s.Sink.Health = c => c.UpgradeDomain == 4 ? HealthVerdict.Unhealthy("smoke test failed") : HealthVerdict.Healthy;

        RollingUpgradeResult? result = await s.Workflows.MonitoredUpgradeAsync(VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Manual), VirtualService.Policy(FailureAction.Pause), new OperationWait(true, null), None);

        Assert.Equal(RollingUpgradeOutcome.Failed, result!.Outcome);
        Assert.Equal(4, result.FailedUpgradeDomain);
        Assert.Contains("cannot be rolled back", result.Reason);
        Assert.Empty(s.Rollbacks);
    }
}
