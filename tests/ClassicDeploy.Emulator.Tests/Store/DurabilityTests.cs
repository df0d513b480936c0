using System;
using ClassicDeploy.Emulator.State;
using ClassicDeploy.Emulator.Store;
using ClassicDeploy.Emulator.Tests.State;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static ClassicDeploy.Emulator.Tests.State.EngineHarness;

namespace ClassicDeploy.Emulator.Tests.Store;

public sealed class DurabilityTests
{
    [Fact]
    public void A_new_engine_over_the_same_data_directory_continues_an_in_flight_manual_upgrade()
    {
        using var directory = new TempDirectory();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        string walk;
        string upgrade;
        DeploymentView before;
        using (var first = new EngineHarness(new SqliteStateStore(directory.Path), clock))
        {
            first.Deploy();
            upgrade = first.Upgrade(UpgradeMode.Manual);
            first.Pass(Accept);
            first.Walk(0);
            first.Pass(Domain);
            walk = first.Walk(1);
            first.Pass(Accept / 2);
            before = first.Get();
            Assert.Equal(new UpgradeStatusView(UpgradeMode.Manual, "During", 1), before.UpgradeStatus);
        }

        using var second = new EngineHarness(new SqliteStateStore(directory.Path), clock, createService: false);
        DeploymentView resumed = second.Get();
        Assert.Equal(before, resumed with { RoleInstances = before.RoleInstances, Roles = before.Roles, ExtendedProperties = before.ExtendedProperties });
        Assert.Equal(before.RoleInstances, resumed.RoleInstances);
        Assert.True(resumed.Locked);
        Assert.True(resumed.RollbackAllowed);
        Assert.Equal("InProgress", second.Operation(walk).Status);
        Assert.Equal("Succeeded", second.Operation(upgrade).Status);
        string busy = Fails(409, "ConflictError", () => second.Walk(1)).Message;
        Assert.Contains(walk, busy, StringComparison.Ordinal);

        second.Pass(Domain - (Accept / 2));
        Assert.Equal("Succeeded", second.Operation(walk).Status);
        Assert.Equal(new UpgradeStatusView(UpgradeMode.Manual, "Before", 2), second.Get().UpgradeStatus);
        for (int domain = 2; domain < 5; domain++)
        {
            second.Walk(domain);
            second.Pass(Domain);
        }

        DeploymentView done = second.Get();
        Assert.Null(done.UpgradeStatus);
        Assert.Equal("https://packages.example/v2.cspkg", done.PackageUrl);
        Assert.Equal("label v2", done.Label);
    }

    [Fact]
    public void An_operation_that_ended_while_the_emulator_was_down_is_complete_after_restart()
    {
        using var directory = new TempDirectory();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        string upgrade;
        using (var first = new EngineHarness(new SqliteStateStore(directory.Path), clock))
        {
            first.Deploy("blue");
            first.Deploy("green", DeploymentSlotName.Staging);
            upgrade = first.Upgrade(UpgradeMode.Auto);
            first.Pass(Domain * 2);
        }

        clock.Advance(TimeSpan.FromHours(1));
        using var second = new EngineHarness(new SqliteStateStore(directory.Path), clock, createService: false);
        Assert.Equal("Succeeded", second.Operation(upgrade).Status);
        Assert.Null(second.Get().UpgradeStatus);
        Assert.Equal("label v2", second.Get().Label);
        Assert.Equal("green", second.Get(Staging).Name);
        Assert.Equal(2, second.Engine.GetHostedService(Subscription, Service).Deployments.Count);
    }

    [Fact]
    public void A_deleted_hosted_service_stays_deleted_after_restart()
    {
        using var directory = new TempDirectory();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        using (var first = new EngineHarness(new SqliteStateStore(directory.Path), clock))
        {
            first.Engine.DeleteHostedService(Subscription, Service);
        }

        using var second = new EngineHarness(new SqliteStateStore(directory.Path), clock, createService: false);
        Assert.Empty(second.Engine.ListHostedServices(Subscription));
    }
}
