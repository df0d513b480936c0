using System;
using System.Linq;
using ClassicDeploy.Emulator.State;
using Xunit;
using static ClassicDeploy.Emulator.Tests.State.EngineHarness;

namespace ClassicDeploy.Emulator.Tests.State;

public sealed class AutoUpgradeTests
{
    [Fact]
    public void Auto_upgrade_walks_each_domain_and_walks_the_next_only_once_the_updated_instances_are_ready()
    {
        using var h = new EngineHarness();
        h.Deploy();
        string upgrade = h.Upgrade(UpgradeMode.Auto);

        DeploymentView accepted = h.Get();
        Assert.True(accepted.Locked);
        Assert.True(accepted.RollbackAllowed);
        Assert.Equal(new UpgradeStatusView(UpgradeMode.Auto, "During", 0), accepted.UpgradeStatus);
        for (int domain = 0; domain < 5; domain++)
        {
            h.Pass(Accept);
            DeploymentView during = h.Get();
            Assert.False(during.Locked);
            Assert.True(during.RollbackAllowed);
            Assert.Equal("RunningTransitioning", during.Status);
            Assert.Equal(new UpgradeStatusView(UpgradeMode.Auto, "During", domain), during.UpgradeStatus);
            Assert.Equal(new[] { "StoppingRole" }, StatusesIn(during, domain));
            Assert.Equal(new[] { "ReadyRole" }, StatusesOutside(during, domain));
            Assert.Equal("label v1", during.Label);
            h.Pass(Domain - Accept);
            if (domain == 4)
            {
                break;
            }

            // The domain's change is applied; its instances start, and the next domain waits for them.
            Assert.Equal("InProgress", h.Operation(upgrade).Status);
            DeploymentView starting = h.Get();
            Assert.Equal(new UpgradeStatusView(UpgradeMode.Auto, "Before", domain + 1), starting.UpgradeStatus);
            Assert.Equal(new[] { "RoleStateUnknown" }, StatusesIn(starting, domain));
            Assert.All(starting.RoleInstances.Where(i => i.InstanceUpgradeDomain == domain), i => Assert.Equal("Starting", i.PowerState));
            h.Pass(StartTime - TimeSpan.FromTicks(1));
            Assert.Equal(new[] { "BusyRole" }, StatusesIn(h.Get(), domain));
            Assert.Equal("Before", h.Get().UpgradeStatus!.CurrentUpgradeDomainState);
            h.Pass(TimeSpan.FromTicks(1));
        }

        // Succeeded once the last domain's change is applied: success is not readiness.
        Assert.Equal("Succeeded", h.Operation(upgrade).Status);
        DeploymentView done = h.Get();
        Assert.False(done.Locked);
        Assert.False(done.RollbackAllowed);
        Assert.Null(done.UpgradeStatus);
        Assert.Equal("Running", done.Status);
        Assert.Equal("https://packages.example/v2.cspkg", done.PackageUrl);
        Assert.Equal("label v2", done.Label);
        Assert.Equal(new[] { "RoleStateUnknown" }, StatusesIn(done, 4));
        h.Pass(StartTime / 2);
        Assert.Equal(new[] { "StartingRole" }, StatusesIn(h.Get(), 4));
        h.Pass(StartTime / 2);
        Assert.All(h.Get().RoleInstances, i => Assert.Equal(("ReadyRole", "Started"), (i.InstanceStatus, i.PowerState)));
    }

    [Fact]
    public void Simultaneous_upgrade_updates_every_domain_at_once_for_one_domain_duration()
    {
        using var h = new EngineHarness();
        h.Deploy();
        string upgrade = h.Upgrade(UpgradeMode.Simultaneous);

        h.Pass(TimeSpan.FromSeconds(1));
        DeploymentView during = h.Get();
        Assert.True(during.Locked);
        Assert.Equal(UpgradeMode.Simultaneous, during.UpgradeStatus!.UpgradeType);
        Assert.Equal("During", during.UpgradeStatus.CurrentUpgradeDomainState);
        Assert.All(during.RoleInstances, i => Assert.Equal("StoppingRole", i.InstanceStatus));

        h.Pass(Domain - TimeSpan.FromSeconds(1));
        Assert.Equal("Succeeded", h.Operation(upgrade).Status);
        DeploymentView done = h.Get();
        Assert.Null(done.UpgradeStatus);
        Assert.False(done.Locked);
        Assert.Equal("https://packages.example/v2.cspkg", done.PackageUrl);
        Assert.All(done.RoleInstances, i => Assert.Equal("RoleStateUnknown", i.InstanceStatus));
    }

    [Fact]
    public void Domain_count_is_the_largest_role_instance_count_when_below_the_configured_count()
    {
        using var h = new EngineHarness();
        h.Deploy(config: Config(("WebRole1", 2), ("WorkerRole1", 3)));
        string upgrade = h.Upgrade(UpgradeMode.Auto, Config(("WebRole1", 2), ("WorkerRole1", 3)));

        Assert.Equal(3, h.Get().UpgradeDomainCount);
        h.Pass(AutoUpdate(3) - TimeSpan.FromTicks(1));
        Assert.Equal("InProgress", h.Operation(upgrade).Status);
        h.Pass(TimeSpan.FromTicks(1));
        Assert.Equal("Succeeded", h.Operation(upgrade).Status);
        Assert.Null(h.Get().UpgradeStatus);
    }

    [Fact]
    public void An_in_place_upgrade_may_add_and_remove_roles_and_change_instance_counts_in_the_same_domains()
    {
        using var h = new EngineHarness();
        h.Deploy();
        string upgrade = h.Upgrade(UpgradeMode.Auto, Config(("WebRole1", 8), ("CacheRole", 1)));
        h.Pass(AutoUpdate(5) + StartTime);

        Assert.Equal("Succeeded", h.Operation(upgrade).Status);
        DeploymentView done = h.Get();
        Assert.Equal(new[] { "WebRole1", "CacheRole" }, done.Roles.Select(r => r.RoleName));
        Assert.Equal(9, done.RoleInstances.Count);
        Assert.Equal(5, done.UpgradeDomainCount);
        Assert.Equal(2, done.RoleInstances.Single(i => i.InstanceName == "WebRole1_IN_7").InstanceUpgradeDomain);
        Assert.All(done.RoleInstances, i => Assert.Equal("ReadyRole", i.InstanceStatus));
    }

    [Fact]
    public void Instances_are_laid_out_from_the_configuration()
    {
        using var h = new EngineHarness();
        h.Deploy(config: Config(("WebRole1", 7), ("WorkerRole1", 1)));

        DeploymentView view = h.Get();
        Assert.Equal(8, view.RoleInstances.Count);
        RoleInstanceView sixth = view.RoleInstances.Single(i => i.InstanceName == "WebRole1_IN_6");
        Assert.Equal(1, sixth.InstanceUpgradeDomain);
        Assert.Equal(0, sixth.InstanceFaultDomain);
        Assert.Equal("Small", sixth.InstanceSize);
        Assert.Equal("Started", sixth.PowerState);
        Assert.StartsWith("10.0.0.", sixth.IpAddress, StringComparison.Ordinal);
        Assert.StartsWith("RD", sixth.HostName, StringComparison.Ordinal);
        Assert.Equal(new[] { "WebRole1", "WorkerRole1" }, view.Roles.Select(r => r.RoleName));
        Assert.All(view.Roles, r => Assert.Equal("*", r.OsVersion));
        Assert.Equal(5, view.UpgradeDomainCount);
        Assert.Equal(8, view.RoleInstances.Select(i => i.IpAddress).Distinct().Count());
    }
}
