using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Cmdlets;

/// <summary>
/// Monitored rolling upgrades as a runbook writes them: Invoke-UpgradeDeployment -Wait and
/// Step-UpgradeDomain -All with -HealthCheck, in a hosted runspace against the in-process emulator.
/// </summary>
public sealed class MonitoredUpgradeCmdletTests : IClassFixture<EmulatorFixture>
{
    // Short gates so a five-domain upgrade of 20 ms domains takes well under a second or two.
    private const string Gate = "-HealthCheckInterval 0.05 -UpgradeDomainTimeout 60";

    private readonly EmulatorFixture _fixture;

    public MonitoredUpgradeCmdletTests(EmulatorFixture fixture) => _fixture = fixture;

    private Scenario Deployed()
    {
        Scenario s = _fixture.Scenario();
        s.Session.SetVariable("cfg1", ServiceConfigurationXml.For("v1", ("WebRole1", 3)));
        s.Session.SetVariable("cfg2", ServiceConfigurationXml.For("v2", ("WebRole1", 3)));
        return s.WithDeployment();
    }

    [Fact]
    public void A_healthy_manual_upgrade_outputs_one_Completed_result_and_the_check_sees_the_deployment_and_domain()
    {
        Scenario s = Deployed();

        ScriptResult r = s.Run("$seen = [System.Collections.Generic.List[string]]::new(); " +
            "Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Manual -Package $pkg2 -Configuration $cfg2 -Wait " + Gate +
            " -HealthCheck { $seen.Add(('{0}/{1}/{2}' -f $args[0].DeploymentName, $args[1], $_.ServiceName)); $true }").ShouldSucceed();

        PSObject result = r.Single();
        Assert.Equal("ClassicDeploy.RollingUpgradeResult", result.TypeName());
        Assert.Equal("Completed", result.Text("Outcome"));
        Assert.Equal("production-v1", result.Text("DeploymentName"));
        Assert.Equal(new[] { "0", "1", "2" }, ((object[])result.Prop("Domains")!).Select(d => PSObject.AsPSObject(d).Text("UpgradeDomain")));
        var seen = (System.Collections.Generic.List<string>)s.Session.GetVariable("seen")!;
        Assert.Equal(new[] { $"production-v1/0/{s.ServiceName}", $"production-v1/1/{s.ServiceName}", $"production-v1/2/{s.ServiceName}" }, seen.Distinct());
        Assert.Contains(r.Progress, p => p.StatusDescription.StartsWith("walking domain 2 of 3", StringComparison.Ordinal));
        Assert.Null(s.Run("(Get-Deployment -ServiceName $svc -Slot Production).UpgradeStatus").Output.SingleOrDefault()?.BaseObject);
    }

    [Fact]
    public void A_check_that_throws_rolls_back_after_domain_0_and_ErrorAction_Stop_stops_with_the_reason_after_the_rollback()
    {
        Scenario s = Deployed();

        ScriptResult r = s.Run("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Manual -Package $pkg2 -Configuration $cfg2 -Wait " + Gate +
            " -FailureAction Rollback -HealthCheck { throw 'GET /health answered 500' } -ErrorAction Stop; 'not reached'");

        PSObject result = Assert.Single(r.Output);
        Assert.Equal("RolledBack", result.Text("Outcome"));
        Assert.Equal("0", result.Text("FailedUpgradeDomain"));
        Assert.Contains("GET /health answered 500", result.Text("Reason"));
        Assert.NotNull(r.TerminatingError);
        ErrorRecord error = r.TerminatingError!.ErrorRecord;
        Assert.StartsWith("ClassicDeploy.HealthCheckFailed,", error.FullyQualifiedErrorId);
        Assert.Contains("rolled back at upgrade domain 0", error.ToString());
        Assert.Contains("GET /health answered 500", error.ToString());
        Assert.Single(s.Mutations, m => m.Query.Contains("comp=walkupgradedomain"));
        Assert.Single(s.Mutations, m => m.Query.Contains("comp=rollback"));
        // Nothing half done: the rollback had finished when the error stopped the runbook.
        PSObject after = s.Run("Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed().Single();
        Assert.Null(after.Prop("UpgradeStatus"));
        Assert.False((bool)after.Prop("Locked")!);
    }

    [Fact]
    public void The_pipeline_form_gates_each_walk_and_a_false_check_pauses_by_default_saying_how_to_go_on()
    {
        Scenario s = Deployed();

        ScriptResult r = s.Run("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Manual -Package $pkg2 -Configuration $cfg2 | " +
            "Step-UpgradeDomain -All " + Gate + " -HealthCheck { $args[1] -lt 1 }");

        PSObject result = Assert.Single(r.Output, o => o.TypeName() == "ClassicDeploy.RollingUpgradeResult");
        Assert.Equal("Paused", result.Text("Outcome"));
        Assert.Equal("1", result.Text("FailedUpgradeDomain"));
        Assert.Contains("the health check returned $false", result.Text("Reason"));
        Assert.Contains($"Step-UpgradeDomain -ServiceName {s.ServiceName} -DeploymentName production-v1 -All -HealthCheck", result.Text("Reason"));
        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.HealthCheckFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(2, s.Mutations.Count(m => m.Query.Contains("comp=walkupgradedomain")));
        Assert.DoesNotContain(s.Mutations, m => m.Query.Contains("comp=rollback"));
        Assert.Equal("2", s.Run("(Get-Deployment -ServiceName $svc -Slot Production).UpgradeStatus.CurrentUpgradeDomain").ShouldSucceed().Single().ToString());

        // Resumed with a fixed check: domains 0 and 1 are checked again, then 2 is walked.
        PSObject resumed = s.Run("Step-UpgradeDomain -ServiceName $svc -Slot Production -All " + Gate + " -HealthCheck { $true }").ShouldSucceed().Single();
        Assert.Equal("Completed", resumed.Text("Outcome"));
        Assert.Equal(3, s.Mutations.Count(m => m.Query.Contains("comp=walkupgradedomain")));
    }

    [Fact]
    public void An_Auto_upgrade_is_watched_and_each_domain_checked()
    {
        Scenario s = Deployed();

        PSObject result = s.Run("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Auto -Package $pkg2 -Configuration $cfg2 -Wait " + Gate +
            " -HealthCheck { $true }").ShouldSucceed().Single();

        Assert.Equal("Completed", result.Text("Outcome"));
        Assert.Equal(3, ((object[])result.Prop("Domains")!).Length);
        Assert.DoesNotContain(s.Mutations, m => m.Query.Contains("comp=walkupgradedomain"));
    }

    [Theory]
    [InlineData("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Manual -Package $pkg2 -Configuration $cfg2 -HealthCheck { $true }", "HealthCheck", "-Wait")]
    [InlineData("Step-UpgradeDomain -ServiceName $svc -Slot Production -HealthCheckStable 10", "HealthCheckStable", "-All")]
    [InlineData("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Package $pkg2 -Configuration $cfg2 -Wait -HealthCheckStable 600 -UpgradeDomainTimeout 600", "UpgradeDomainTimeout", "No upgrade domain could pass")]
    [InlineData("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Package $pkg2 -Configuration $cfg2 -Wait -HealthCheckInterval 0", "HealthCheckInterval", "more than zero")]
    public void Health_options_that_cannot_apply_are_refused_before_any_request(string script, string parameter, string says)
    {
        Scenario s = Deployed();
        int before = s.Mutations.Count;

        ScriptResult r = s.Run(script);

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.InvalidParameter,", error.FullyQualifiedErrorId);
        Assert.Contains(parameter, error.ToString());
        Assert.Contains(says, error.ToString());
        Assert.Equal(before, s.Mutations.Count);
    }

    [Fact]
    public async Task Stopping_a_monitored_upgrade_leaves_it_in_progress_with_a_warning_naming_the_request_and_both_commands()
    {
        Scenario s = Deployed();
        using RunningScript running = s.Session.Start(
            "Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Manual -Package $pkg2 -Configuration $cfg2 -Wait " + Gate +
            " -FailureAction Rollback -HealthCheck { Start-Sleep -Seconds 60; $true }; 'after the upgrade'");
        Assert.True(
            running.WaitUntil(r => r.ProgressSoFar.Any(p => p.StatusDescription.Contains("instances ready", StringComparison.Ordinal)), TimeSpan.FromSeconds(30)),
            "The first domain was never walked.");

        Task<ScriptResult> stopping = Task.Run(running.Stop);
        Assert.True(await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(15))) == stopping, "Stop did not return promptly.");

        ScriptResult r = await stopping;
        Assert.Equal(PSInvocationState.Stopped, running.State);
        Assert.DoesNotContain(r.Output, o => "after the upgrade".Equals(o.BaseObject));
        string walk = s.Mutations.Last(m => m.Query.Contains("comp=walkupgradedomain")).RequestId;
        string warning = Assert.Single(r.Warnings).Message;
        Assert.Contains(walk, warning);
        Assert.Contains($"Step-UpgradeDomain -ServiceName {s.ServiceName} -DeploymentName production-v1 -All -HealthCheck", warning);
        Assert.Contains($"Undo-DeploymentUpgrade -ServiceName {s.ServiceName} -DeploymentName production-v1 -Mode Auto -Wait", warning);
        Assert.DoesNotContain(s.Mutations, m => m.Query.Contains("comp=rollback"));
        Assert.NotNull(s.Run("Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed().Single().Prop("UpgradeStatus"));
    }
}
