using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.State;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Cmdlets;

/// <summary>
/// The branches a runbook must rehearse, through the cmdlets against the emulator: a stuck
/// upgrade rolled back, a failed upgrade, success before readiness, and a lost request id found again.
/// </summary>
public sealed class UpdateFailureStoryTests : IAsyncLifetime
{
    private const string Crash = "https://example.blob.core.windows.net/packages/app-crash.cspkg";
    private const string Invalid = "https://example.blob.core.windows.net/packages/app-invalid.cspkg";
    private const string Slow = "https://example.blob.core.windows.net/packages/app-slow.cspkg";

    private TestEmulator? _emulator;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync(o =>
    {
        // A start timeout of an hour: a crashing upgrade stays stuck for as long as the test looks.
        o.StartTimeout = TimeSpan.FromHours(1);
        // Slow packages start in ten times this: 3 s, so "not ready yet right after success" holds on a loaded machine.
        o.InstanceStartDuration = TimeSpan.FromMilliseconds(300);
        o.PackageBehaviors.Add(new PackageBehaviorRule("*crash*", PackageBehavior.Crash));
        o.PackageBehaviors.Add(new PackageBehaviorRule("*invalid*", PackageBehavior.Invalid));
        o.PackageBehaviors.Add(new PackageBehaviorRule("*slow*", PackageBehavior.Slow));
    });

    public async Task DisposeAsync()
    {
        if (_emulator != null)
        {
            await _emulator.DisposeAsync();
        }
    }

    private Scenario NewScenario()
    {
        Scenario s = new Scenario(_emulator!, _emulator!.Connect()).WithDeployment();
        s.Session.SetVariable("crash", Crash);
        s.Session.SetVariable("invalid", Invalid);
        s.Session.SetVariable("slow", Slow);
        return s;
    }

    /// <summary>Reads the deployment until <paramref name="done"/> holds (bounded); the emulator runs on real time here.</summary>
    private static async Task<PSObject> DeploymentWhenAsync(Scenario s, Func<PSObject, bool> done)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        PSObject deployment = s.Run("Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed().Single();
        while (!done(deployment) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            deployment = s.Run("Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed().Single();
        }

        Assert.True(done(deployment), "the deployment never got there");
        return deployment;
    }

    [Fact]
    public async Task A_crashing_upgrade_is_stuck_is_found_again_by_service_and_is_rolled_back()
    {
        Scenario s = NewScenario();
        PSObject upgrade = s.Run("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Auto -Package $crash -Configuration $cfg2 -Label crash").ShouldSucceed().Single();
        string upgradeId = upgrade.Text("RequestId")!;

        // Domain 0 runs the crashing package and never becomes ready, so domain 1 is never walked.
        PSObject stuck = await DeploymentWhenAsync(s, d => d.Nested("UpgradeStatus") is { } u && (int)u.Prop("CurrentUpgradeDomain")! == 1);
        Assert.Equal("Before", stuck.Nested("UpgradeStatus")!.Text("CurrentUpgradeDomainState"));
        Assert.True((bool)stuck.Prop("RollbackAllowed")!);
        Assert.False((bool)stuck.Prop("Locked")!);
        Assert.True((int)stuck.Prop("InstancesReady")! < (int)stuck.Prop("InstancesTotal")!);

        // The request id is "lost": the running operation is found by service, slot and status.
        PSObject running = s.Run("Get-DeploymentOperation -ServiceName $svc -Slot Production -Status InProgress").ShouldSucceed().Single();
        Assert.Equal(upgradeId, running.Text("RequestId"));
        Assert.Equal("Upgrade Deployment", running.Text("Operation"));
        Assert.Equal("production-v1", running.Text("DeploymentName"));
        ScriptResult all = s.Run("Get-DeploymentOperation -ServiceName $svc").ShouldSucceed();
        Assert.Equal(new[] { "Create Hosted Service", "Create Deployment", "Upgrade Deployment" }, all.Output.Select(o => o.Text("Operation")));

        // A bare request id is described from List Subscription Operations.
        PSObject byId = s.Run($"Get-DeploymentOperation -RequestId {upgradeId}").ShouldSucceed().Single();
        Assert.Equal(("Upgrade Deployment", s.ServiceName, "production-v1", "InProgress"), (byId.Text("Operation"), byId.Text("ServiceName"), byId.Text("DeploymentName"), byId.Text("Status")));
        Assert.Equal(running.Prop("StartTime"), byId.Prop("StartTime"));

        PSObject rollback = s.Run("Undo-DeploymentUpgrade -ServiceName $svc -Slot Production -Confirm:$false -Wait").ShouldSucceed().Single();
        Assert.Equal("Succeeded", rollback.Text("Status"));

        ScriptResult waited = s.Run($"Wait-DeploymentOperation -RequestId {upgradeId}");
        ErrorRecord error = Assert.Single(waited.Errors);
        Assert.StartsWith("ClassicDeploy.OperationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        PSObject ended = Assert.Single(waited.Output);
        Assert.Equal(("Failed", "ConflictError", 409), (ended.Text("Status"), ended.Text("ErrorCode"), (int)ended.Prop("HttpStatusCode")!));
        Assert.Contains("rolled back", ended.Text("ErrorMessage"), StringComparison.Ordinal);

        PSObject restored = await DeploymentWhenAsync(s, d => (int)d.Prop("InstancesReady")! == (int)d.Prop("InstancesTotal")!);
        Assert.Null(restored.Prop("UpgradeStatus"));
        Assert.NotEqual("crash", restored.Text("Label"));
    }

    [Fact]
    public void An_invalid_package_fails_the_upgrade_with_the_servers_code_and_message()
    {
        Scenario s = NewScenario();
        ScriptResult r = s.Run("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Auto -Package $invalid -Configuration $cfg2 -Label bad -Wait");

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.OperationFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("BadRequest", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("package cannot be used", error.Exception.Message, StringComparison.Ordinal);
        PSObject failed = Assert.Single(r.Output);
        Assert.Equal(("Failed", "BadRequest", 400), (failed.Text("Status"), failed.Text("ErrorCode"), (int)failed.Prop("HttpStatusCode")!));
        Assert.Contains("package cannot be used", failed.Text("ErrorMessage"), StringComparison.Ordinal);

        PSObject unchanged = s.Run("Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed().Single();
        Assert.Null(unchanged.Prop("UpgradeStatus"));
        Assert.NotEqual("bad", unchanged.Text("Label"));
    }

    [Fact]
    public async Task A_slow_package_succeeds_before_its_instances_are_ready()
    {
        Scenario s = NewScenario();
        PSObject done = s.Run("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Simultaneous -Package $slow -Configuration $cfg2 -Label slow -Wait").ShouldSucceed().Single();
        Assert.Equal("Succeeded", done.Text("Status"));

        PSObject upgraded = s.Run("Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed().Single();
        Assert.Equal("slow", upgraded.Text("Label"));
        Assert.Null(upgraded.Prop("UpgradeStatus"));
        Assert.True((int)upgraded.Prop("InstancesReady")! < (int)upgraded.Prop("InstancesTotal")!, "instances of a slow package are still starting right after success");
        await DeploymentWhenAsync(s, d => (int)d.Prop("InstancesReady")! == (int)d.Prop("InstancesTotal")!);
    }
}
