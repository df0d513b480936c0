using System;
using System.Linq;
using ClassicDeploy.Emulator.State;
using Xunit;
using static ClassicDeploy.Emulator.Tests.State.EngineHarness;

namespace ClassicDeploy.Emulator.Tests.State;

public sealed class ManualUpgradeTests
{
    [Fact]
    public void Manual_upgrade_waits_before_domain_zero_then_each_walk_cycles_its_domain_and_the_last_installs_the_package()
    {
        using var h = new EngineHarness();
        h.Deploy();
        string upgrade = h.Upgrade(UpgradeMode.Manual);

        DeploymentView starting = h.Get();
        Assert.True(starting.Locked);
        Assert.Equal("InProgress", h.Operation(upgrade).Status);
        Assert.Equal(new UpgradeStatusView(UpgradeMode.Manual, "Before", 0), starting.UpgradeStatus);

        h.Pass(Accept);
        Assert.Equal("Succeeded", h.Operation(upgrade).Status);
        Assert.Equal(200, h.Operation(upgrade).HttpStatusCode);
        DeploymentView waiting = h.Get();
        Assert.False(waiting.Locked);
        Assert.True(waiting.RollbackAllowed);
        Assert.Equal("Running", waiting.Status);
        Assert.Equal(new UpgradeStatusView(UpgradeMode.Manual, "Before", 0), waiting.UpgradeStatus);
        Assert.Equal("https://packages.example/v1.cspkg", waiting.PackageUrl);
        Assert.Equal(5, waiting.UpgradeDomainCount);

        for (int domain = 0; domain < 5; domain++)
        {
            string walk = h.Walk(domain);
            DeploymentView during = h.Get();
            Assert.True(during.Locked);
            Assert.True(during.RollbackAllowed);
            Assert.Equal("RunningTransitioning", during.Status);
            Assert.Equal(new UpgradeStatusView(UpgradeMode.Manual, "During", domain), during.UpgradeStatus);

            h.Pass(TimeSpan.FromSeconds(1));
            Assert.Equal(new[] { "StoppingRole" }, StatusesIn(h.Get(), domain));
            Assert.Equal(new[] { "ReadyRole" }, StatusesOutside(h.Get(), domain));
            h.Pass(Accept);
            Assert.False(h.Get().Locked);
            h.Pass(TimeSpan.FromSeconds(4));
            Assert.Equal(new[] { "StoppedVM" }, StatusesIn(h.Get(), domain));
            Assert.Equal("InProgress", h.Operation(walk).Status);

            h.Pass(Domain - Accept - TimeSpan.FromSeconds(5));
            Assert.Equal("Succeeded", h.Operation(walk).Status);
            DeploymentView after = h.Get();
            Assert.False(after.Locked);
            Assert.Equal("Running", after.Status);
            Assert.Equal(new[] { "RoleStateUnknown" }, StatusesIn(after, domain));
            if (domain < 4)
            {
                Assert.Equal(new UpgradeStatusView(UpgradeMode.Manual, "Before", domain + 1), after.UpgradeStatus);
                Assert.True(after.RollbackAllowed);
                Assert.Equal("label v1", after.Label);
            }

            h.Pass(StartTime);
            Assert.All(h.Get().RoleInstances, i => Assert.Equal("ReadyRole", i.InstanceStatus));
        }

        DeploymentView done = h.Get();
        Assert.Null(done.UpgradeStatus);
        Assert.False(done.RollbackAllowed);
        Assert.Equal("https://packages.example/v2.cspkg", done.PackageUrl);
        Assert.Equal("label v2", done.Label);
        Assert.Contains(new ExtendedPropertyValue("Build", "2"), done.ExtendedProperties);
    }

    [Fact]
    public void Walking_a_domain_other_than_the_current_one_is_a_bad_request()
    {
        using var h = new EngineHarness();
        h.Deploy();
        h.Upgrade(UpgradeMode.Manual);
        h.Pass(Accept);

        EmulatorException skip = Fails(400, "BadRequest", () => h.Walk(1));
        Assert.Contains("0", skip.Message, StringComparison.Ordinal);
        h.Walk(0);
        h.Pass(Domain);
        Fails(400, "BadRequest", () => h.Walk(0));
        Fails(400, "BadRequest", () => h.Walk(2));
        h.Walk(1);
        Assert.Equal(new UpgradeStatusView(UpgradeMode.Manual, "During", 1), h.Get().UpgradeStatus);
    }

    [Fact]
    public void Walking_without_an_update_in_progress_is_a_bad_request()
    {
        using var h = new EngineHarness();
        h.Deploy();
        Fails(400, "BadRequest", () => h.Walk(0));
    }

    [Fact]
    public void Upgrading_a_single_role_cycles_only_that_roles_instances()
    {
        using var h = new EngineHarness();
        h.Deploy();
        h.Upgrade(UpgradeMode.Manual, role: "WorkerRole1");
        h.Pass(Accept);
        h.Walk(0);
        h.Pass(TimeSpan.FromSeconds(1));

        DeploymentView view = h.Get();
        Assert.Equal("StoppingRole", view.RoleInstances.Single(i => i.InstanceName == "WorkerRole1_IN_0").InstanceStatus);
        Assert.Equal("ReadyRole", view.RoleInstances.Single(i => i.InstanceName == "WebRole1_IN_0").InstanceStatus);
    }
}
