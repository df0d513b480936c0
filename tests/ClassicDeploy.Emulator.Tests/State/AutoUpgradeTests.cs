using System;
using System.Linq;
using ClassicDeploy.Emulator.State;
using Xunit;
using static ClassicDeploy.Emulator.Tests.State.EngineHarness;

namespace ClassicDeploy.Emulator.Tests.State;

public sealed class AutoUpgradeTests
{
    [Fact]
    public void Auto_upgrade_walks_each_domain_in_turn_while_locked_then_installs_the_package()
    {
        using var h = new EngineHarness();
        h.Deploy();
        string upgrade = h.Upgrade(UpgradeMode.Auto);

        for (int domain = 0; domain < 5; domain++)
        {
            h.Pass(TimeSpan.FromSeconds(5));
            DeploymentView during = h.Get();
            Assert.True(during.Locked);
            Assert.True(during.RollbackAllowed);
            Assert.Equal("RunningTransitioning", during.Status);
            Assert.Equal(new UpgradeStatusView(UpgradeMode.Auto, "During", domain), during.UpgradeStatus);
            Assert.Equal(new[] { "BusyRole" }, StatusesIn(during, domain));
            Assert.Equal(new[] { "ReadyRole" }, StatusesOutside(during, domain));
            Assert.Equal("InProgress", h.Operation(upgrade).Status);
            Assert.Equal("label v1", during.Label);
            h.Pass(TimeSpan.FromSeconds(5));
        }

        Assert.Equal("Succeeded", h.Operation(upgrade).Status);
        DeploymentView done = h.Get();
        Assert.False(done.Locked);
        Assert.False(done.RollbackAllowed);
        Assert.Null(done.UpgradeStatus);
        Assert.Equal("Running", done.Status);
        Assert.Equal("https://packages.example/v2.cspkg", done.PackageUrl);
        Assert.Equal("label v2", done.Label);
        Assert.All(done.RoleInstances, i => Assert.Equal("ReadyRole", i.InstanceStatus));
    }

    [Fact]
    public void Simultaneous_upgrade_cycles_every_domain_at_once_for_one_domain_duration()
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
    }

    [Fact]
    public void Domain_count_is_the_largest_role_instance_count_when_below_the_configured_count()
    {
        using var h = new EngineHarness();
        h.Deploy(config: Config(("WebRole1", 2), ("WorkerRole1", 3)));
        string upgrade = h.Upgrade(UpgradeMode.Auto, Config(("WebRole1", 2), ("WorkerRole1", 3)));

        Assert.Equal(3, h.Get().UpgradeDomainCount);
        h.Pass(Domain * 3);
        Assert.Equal("Succeeded", h.Operation(upgrade).Status);
        Assert.Null(h.Get().UpgradeStatus);
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
