using ClassicDeploy.Emulator.State;
using Xunit;
using static ClassicDeploy.Emulator.Tests.State.EngineHarness;

namespace ClassicDeploy.Emulator.Tests.State;

public sealed class ChangeConfigurationTests
{
    private static readonly string Bigger = Config(("WebRole1", 6), ("WorkerRole1", 2));

    private static string Change(EngineHarness h, UpgradeMode mode, string configuration)
    {
        string id = h.NewRequestId();
        h.Engine.ChangeConfiguration(Subscription, Service, Production,
            new ChangeConfigurationCommand(configuration, false, mode, new[] { new ExtendedPropertyValue("Reason", "scale") }), id);
        return id;
    }

    [Fact]
    public void Auto_configuration_change_walks_the_domains_then_applies_the_configuration_and_keeps_the_package()
    {
        using var h = new EngineHarness();
        h.Deploy();
        string change = Change(h, UpgradeMode.Auto, Bigger);

        h.Pass(Domain + StartTime + (Domain / 2));
        Assert.Equal(new UpgradeStatusView(UpgradeMode.Auto, "During", 1), h.Get().UpgradeStatus);
        Assert.Equal(DefaultConfig, h.Get().Configuration);
        h.Pass(AutoUpdate(5) - Domain - StartTime - (Domain / 2));

        Assert.Equal("Succeeded", h.Operation(change).Status);
        DeploymentView done = h.Get();
        Assert.Null(done.UpgradeStatus);
        Assert.Equal(Bigger, done.Configuration);
        Assert.Equal(8, done.RoleInstances.Count);
        Assert.Equal("https://packages.example/v1.cspkg", done.PackageUrl);
        Assert.Equal("label v1", done.Label);
        Assert.Contains(new ExtendedPropertyValue("Reason", "scale"), done.ExtendedProperties);
    }

    [Fact]
    public void Manual_configuration_change_waits_for_walks_and_applies_after_the_last_domain()
    {
        using var h = new EngineHarness();
        h.Deploy();
        Change(h, UpgradeMode.Manual, Bigger);
        h.Pass(Accept);
        Assert.Equal(new UpgradeStatusView(UpgradeMode.Manual, "Before", 0), h.Get().UpgradeStatus);

        for (int domain = 0; domain < 5; domain++)
        {
            Assert.Equal(DefaultConfig, h.Get().Configuration);
            h.Walk(domain);
            h.Pass(Domain);
        }

        Assert.Null(h.Get().UpgradeStatus);
        Assert.Equal(Bigger, h.Get().Configuration);
    }

    [Fact]
    public void Configuration_whose_roles_differ_from_the_deployment_is_a_bad_request()
    {
        using var h = new EngineHarness();
        h.Deploy();

        EmulatorException error = Fails(400, "BadRequest", () => Change(h, UpgradeMode.Auto, Config(("WebRole1", 2), ("OtherRole", 1))));
        Assert.StartsWith("The configuration roles do not match the deployment's roles", error.Message, System.StringComparison.Ordinal);
        Assert.Null(h.Get().UpgradeStatus);
        Assert.False(h.Get().Locked);
    }

    [Fact]
    public void Configuration_that_is_not_xml_or_has_no_roles_is_a_bad_request()
    {
        using var h = new EngineHarness();
        Fails(400, "BadRequest", () => h.Deploy(config: "not xml at all"));
        Fails(400, "BadRequest", () => h.Deploy(config: Config()));
        Fails(400, "BadRequest", () => h.Deploy(config: "<ServiceConfiguration><Role name=\"A\"><Instances count=\"x\"/></Role></ServiceConfiguration>"));
        Fails(404, "ResourceNotFound", () => h.Get());
    }

    [Fact]
    public void Configuration_in_another_namespace_is_read_by_local_names()
    {
        using var h = new EngineHarness();
        h.Deploy(config: "<ServiceConfiguration xmlns=\"urn:other\" osVersion=\"WA-GUEST-OS-6.1\"><Role name=\"A\" osVersion=\"X\"><Instances count=\"2\"/></Role><Role name=\"B\"><Instances count=\"1\"/></Role></ServiceConfiguration>");

        DeploymentView view = h.Get();
        Assert.Equal(new[] { new RoleView("A", "X"), new RoleView("B", "WA-GUEST-OS-6.1") }, view.Roles);
        Assert.Equal(2, view.UpgradeDomainCount);
    }

    [Fact]
    public void Upgrading_an_unknown_role_is_a_bad_request()
    {
        using var h = new EngineHarness();
        h.Deploy();
        Fails(400, "BadRequest", () => h.Upgrade(UpgradeMode.Auto, role: "NoSuchRole"));
    }
}
