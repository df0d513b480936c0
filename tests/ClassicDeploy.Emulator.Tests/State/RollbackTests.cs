using System;
using ClassicDeploy.Emulator.State;
using Xunit;
using static ClassicDeploy.Emulator.Tests.State.EngineHarness;

namespace ClassicDeploy.Emulator.Tests.State;

public sealed class RollbackTests
{
    private static void AssertOriginal(DeploymentView view)
    {
        Assert.Null(view.UpgradeStatus);
        Assert.False(view.RollbackAllowed);
        Assert.False(view.Locked);
        Assert.Equal("https://packages.example/v1.cspkg", view.PackageUrl);
        Assert.Equal("label v1", view.Label);
        Assert.Equal(DefaultConfig, view.Configuration);
        Assert.DoesNotContain(view.ExtendedProperties, p => p.Name == "Build");
    }

    private static EngineHarness ManualUpgradeWalkedTwice()
    {
        var h = new EngineHarness();
        h.Deploy();
        h.Upgrade(UpgradeMode.Manual, Config(("WebRole1", 5), ("WorkerRole1", 3)));
        h.Pass(Accept);
        h.Walk(0);
        h.Pass(Domain);
        h.Walk(1);
        h.Pass(Domain);
        return h;
    }

    [Fact]
    public void Auto_rollback_walks_back_the_walked_domains_then_restores_package_configuration_and_label()
    {
        using EngineHarness h = ManualUpgradeWalkedTwice();
        string rollback = h.Rollback(UpgradeMode.Auto);

        DeploymentView first = h.Get();
        Assert.True(first.Locked);
        Assert.False(first.RollbackAllowed);
        Assert.Equal(new UpgradeStatusView(UpgradeMode.Auto, "During", 0), first.UpgradeStatus);
        h.Pass(Domain + StartTime + TimeSpan.FromSeconds(1));
        Assert.Equal(new UpgradeStatusView(UpgradeMode.Auto, "During", 1), h.Get().UpgradeStatus);
        Assert.Equal(new[] { "StoppingRole" }, StatusesIn(h.Get(), 1));
        Assert.Equal("InProgress", h.Operation(rollback).Status);

        h.Pass(Domain - TimeSpan.FromSeconds(1));
        Assert.Equal("Succeeded", h.Operation(rollback).Status);
        AssertOriginal(h.Get());
        Assert.Equal(new[] { "RoleStateUnknown" }, StatusesIn(h.Get(), 1));
    }

    [Fact]
    public void Manual_rollback_leaves_the_walked_domains_to_be_walked_back()
    {
        using EngineHarness h = ManualUpgradeWalkedTwice();
        h.Rollback(UpgradeMode.Manual);
        h.Pass(Accept);

        DeploymentView waiting = h.Get();
        Assert.False(waiting.Locked);
        Assert.Equal(new UpgradeStatusView(UpgradeMode.Manual, "Before", 0), waiting.UpgradeStatus);
        Fails(400, "BadRequest", () => h.Walk(1));
        h.Walk(0);
        Assert.Equal(new UpgradeStatusView(UpgradeMode.Manual, "During", 0), h.Get().UpgradeStatus);
        h.Pass(Domain);
        Assert.Equal(new UpgradeStatusView(UpgradeMode.Manual, "Before", 1), h.Get().UpgradeStatus);
        h.Walk(1);
        h.Pass(Domain);

        AssertOriginal(h.Get());
        Assert.Equal(7, h.Get().RoleInstances.Count);
    }

    [Fact]
    public void Rollback_before_any_domain_was_walked_restores_after_a_short_operation()
    {
        using var h = new EngineHarness();
        h.Deploy();
        h.Upgrade(UpgradeMode.Manual);
        h.Pass(Accept);
        string rollback = h.Rollback(UpgradeMode.Manual);

        Assert.True(h.Get().Locked);
        h.Pass(Accept);
        Assert.Equal("Succeeded", h.Operation(rollback).Status);
        AssertOriginal(h.Get());
    }

    [Fact]
    public void Rollback_without_an_update_in_progress_is_a_conflict()
    {
        using var h = new EngineHarness();
        h.Deploy();
        Assert.False(h.Get().RollbackAllowed);
        Fails(409, "ConflictError", () => h.Rollback(UpgradeMode.Auto));

        h.Upgrade(UpgradeMode.Auto);
        h.Pass(AutoUpdate(5));
        Fails(409, "ConflictError", () => h.Rollback(UpgradeMode.Manual));
    }

    [Fact]
    public void A_rollback_in_progress_cannot_itself_be_rolled_back()
    {
        using EngineHarness h = ManualUpgradeWalkedTwice();
        h.Rollback(UpgradeMode.Manual);
        h.Pass(Accept);
        Fails(409, "ConflictError", () => h.Rollback(UpgradeMode.Auto));
    }
}
