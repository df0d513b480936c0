using System.Linq;
using System.Net;
using System.Threading.Tasks;
using System.Xml.Linq;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests;

/// <summary>Upgrades, walks, configuration changes and rollbacks over HTTP, with the clock in the test's hand.</summary>
public sealed class UpgradeFlowTests
{
    private const string BySlot = "services/hostedservices/svc/deploymentslots/production";
    private const string ByName = "services/hostedservices/svc/deployments/dep1";

    [Theory]
    [InlineData(BySlot + "/")]
    [InlineData(ByName)]
    public async Task Manual_upgrade_walks_every_domain_in_turn(string target)
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        await emulator.SucceedAsync(await emulator.AcceptedAsync(target + "?comp=upgrade", Bodies.Upgrade("Manual")));

        var before = await emulator.DeploymentAsync("svc");
        AssertUpgradeStatus(before, "Manual", "Before", 0);
        Assert.Equal("true", Text(before, "RollbackAllowed"));
        Assert.Equal("false", Text(before, "Locked"));
        Assert.Equal(Bodies.B64("v1"), Text(before, "Label"));

        for (var domain = 0; domain < 5; domain++)
        {
            var walk = await emulator.AcceptedAsync(target + "?comp=walkupgradedomain", Bodies.Walk(domain));
            var during = await emulator.DeploymentAsync("svc");
            AssertUpgradeStatus(during, "Manual", "During", domain);
            Assert.Equal("true", Text(during, "Locked"));
            emulator.Clock.Advance(AcceptTime);
            Assert.Equal("false", Text(await emulator.DeploymentAsync("svc"), "Locked"));
            var instances = during.Element(Ns + "RoleInstanceList")!.Elements(Ns + "RoleInstance").ToList();
            Assert.All(instances.Where(i => Text(i, "InstanceUpgradeDomain") == domain.ToString()), i => Assert.NotEqual("ReadyRole", Text(i, "InstanceStatus")));
            Assert.All(instances.Where(i => Text(i, "InstanceUpgradeDomain") != domain.ToString()), i => Assert.Equal("ReadyRole", Text(i, "InstanceStatus")));

            await emulator.SucceedAsync(walk);
            var after = await emulator.DeploymentAsync("svc");
            Assert.Equal("false", Text(after, "Locked"));
            if (domain < 4)
            {
                AssertUpgradeStatus(after, "Manual", "Before", domain + 1);
            }

            emulator.Clock.Advance(StartTime);
        }

        var done = await emulator.DeploymentAsync("svc");
        Assert.Null(done.Element(Ns + "UpgradeStatus"));
        Assert.Equal("false", Text(done, "RollbackAllowed"));
        Assert.Equal(Bodies.B64("v2"), Text(done, "Label"));
        Assert.All(Statuses(done), s => Assert.Equal("ReadyRole", s));
    }

    [Fact]
    public async Task Walking_a_domain_other_than_the_current_one_is_BadRequest()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        await emulator.SucceedAsync(await emulator.AcceptedAsync(BySlot + "/?comp=upgrade", Bodies.Upgrade("Manual")));
        using var response = await emulator.PostAsync(BySlot + "/?comp=walkupgradedomain", Bodies.Walk(1));
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        AssertUpgradeStatus(await emulator.DeploymentAsync("svc"), "Manual", "Before", 0);
    }

    [Fact]
    public async Task Auto_upgrade_moves_through_the_domains_by_itself()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var id = await emulator.AcceptedAsync(BySlot + "?comp=upgrade", Bodies.Upgrade("Auto"));

        var first = await emulator.DeploymentAsync("svc");
        AssertUpgradeStatus(first, "Auto", "During", 0);
        Assert.Equal("true", Text(first, "Locked"));
        emulator.Clock.Advance(DomainDuration);
        AssertUpgradeStatus(await emulator.DeploymentAsync("svc"), "Auto", "Before", 1);
        emulator.Clock.Advance(StartTime);
        AssertUpgradeStatus(await emulator.DeploymentAsync("svc"), "Auto", "During", 1);
        Assert.Equal("InProgress", await emulator.OperationStatusAsync(id));

        await emulator.SucceedAsync(id);
        var done = await emulator.DeploymentAsync("svc");
        Assert.Null(done.Element(Ns + "UpgradeStatus"));
        Assert.Equal("false", Text(done, "Locked"));
        Assert.Equal(Bodies.B64("v2"), Text(done, "Label"));
    }

    [Fact]
    public async Task Simultaneous_upgrade_takes_every_instance_down_at_once()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var id = await emulator.AcceptedAsync(BySlot + "?comp=upgrade", Bodies.Upgrade("Simultaneous"));
        var during = await emulator.DeploymentAsync("svc");
        Assert.All(Statuses(during), s => Assert.NotEqual("ReadyRole", s));
        await emulator.SucceedAsync(id);
        var done = await emulator.DeploymentAsync("svc");
        Assert.Equal(Bodies.B64("v2"), Text(done, "Label"));
        Assert.All(Statuses(done), s => Assert.NotEqual("ReadyRole", s));
        emulator.Clock.Advance(StartTime);
        Assert.All(Statuses(await emulator.DeploymentAsync("svc")), s => Assert.Equal("ReadyRole", s));
    }

    [Fact]
    public async Task Configuration_change_applies_the_new_configuration()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var changed = Bodies.Configuration(("WebRole1", 5), ("WorkerRole1", 2)).Replace("osFamily=\"6\"", "osFamily=\"7\"");
        var id = await emulator.AcceptedAsync(ByName + "/?comp=config", Bodies.ChangeConfiguration("Auto", changed));
        await emulator.SucceedAsync(id);
        var done = await emulator.DeploymentAsync("svc");
        Assert.Equal(Bodies.B64(changed), Text(done, "Configuration"));
        Assert.Null(done.Element(Ns + "UpgradeStatus"));
    }

    [Fact]
    public async Task Manual_configuration_change_waits_for_walks()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        await emulator.SucceedAsync(await emulator.AcceptedAsync(BySlot + "/?comp=config", Bodies.ChangeConfiguration("Manual")));
        AssertUpgradeStatus(await emulator.DeploymentAsync("svc"), "Manual", "Before", 0);
    }

    [Fact]
    public async Task Configuration_change_whose_roles_do_not_match_is_BadRequest()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var other = Bodies.Configuration(("OtherRole", 2));
        using var response = await emulator.PostAsync(BySlot + "/?comp=config", Bodies.ChangeConfiguration("Auto", other));
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Null((await emulator.DeploymentAsync("svc")).Element(Ns + "UpgradeStatus"));
    }

    [Fact]
    public async Task Auto_rollback_restores_the_previous_package_configuration_and_label()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        await emulator.SucceedAsync(await emulator.AcceptedAsync(BySlot + "/?comp=upgrade", Bodies.Upgrade("Manual")));
        await emulator.SucceedAsync(await emulator.AcceptedAsync(BySlot + "/?comp=walkupgradedomain", Bodies.Walk(0)));

        await emulator.SucceedAsync(await emulator.AcceptedAsync(ByName + "/?comp=rollback", Bodies.Rollback("Auto", force: true)));
        var done = await emulator.DeploymentAsync("svc");
        Assert.Null(done.Element(Ns + "UpgradeStatus"));
        Assert.Equal("false", Text(done, "RollbackAllowed"));
        Assert.Equal(Bodies.B64("v1"), Text(done, "Label"));
    }

    [Fact]
    public async Task Manual_rollback_is_walked_back_domain_by_domain()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        await emulator.SucceedAsync(await emulator.AcceptedAsync(BySlot + "/?comp=upgrade", Bodies.Upgrade("Manual")));
        await emulator.SucceedAsync(await emulator.AcceptedAsync(BySlot + "/?comp=walkupgradedomain", Bodies.Walk(0)));
        await emulator.SucceedAsync(await emulator.AcceptedAsync(BySlot + "/?comp=walkupgradedomain", Bodies.Walk(1)));

        await emulator.SucceedAsync(await emulator.AcceptedAsync(BySlot + "/?comp=rollback", Bodies.Rollback("Manual")));
        var walks = 0;
        XElement? status;
        while ((status = (await emulator.DeploymentAsync("svc")).Element(Ns + "UpgradeStatus")) is not null)
        {
            Assert.Equal("Manual", Text(status, "UpgradeType"));
            Assert.True(++walks <= 5, "rollback needs at most one walk per domain");
            var domain = int.Parse(Text(status, "CurrentUpgradeDomain"));
            await emulator.SucceedAsync(await emulator.AcceptedAsync(BySlot + "/?comp=walkupgradedomain", Bodies.Walk(domain)));
        }

        Assert.True(walks >= 1);
        Assert.Equal(Bodies.B64("v1"), Text(await emulator.DeploymentAsync("svc"), "Label"));
    }

    [Fact]
    public async Task Rollback_without_an_update_in_progress_is_ConflictError()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        using var response = await emulator.PostAsync(BySlot + "/?comp=rollback", Bodies.Rollback("Auto"));
        await AssertErrorAsync(response, HttpStatusCode.Conflict, "ConflictError");
    }

    [Fact]
    public async Task Upgrade_of_a_missing_deployment_is_ResourceNotFound()
    {
        await using var emulator = await StartAsync();
        await emulator.CreateServiceAsync("svc");
        using var response = await emulator.PostAsync(BySlot + "/?comp=upgrade", Bodies.Upgrade("Auto"));
        await AssertErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Upgrade_accepts_indented_xml_with_a_declaration_and_no_mode()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var body = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <UpgradeDeployment xmlns="http://schemas.microsoft.com/windowsazure">
              <PackageUrl>{Bodies.PackageUrl}</PackageUrl>
              <Configuration>{Bodies.B64(Bodies.DefaultConfiguration)}</Configuration>
              <Label>{Bodies.B64("v2")}</Label>
              <!-- comment -->
              <Force>true</Force>
              <ExtendedProperties>
                <ExtendedProperty><Name>Build</Name><Value>42</Value></ExtendedProperty>
              </ExtendedProperties>
            </UpgradeDeployment>
            """;
        var id = await emulator.AcceptedAsync(BySlot + "/?comp=upgrade", body);
        AssertUpgradeStatus(await emulator.DeploymentAsync("svc"), "Auto", "During", 0);
        await emulator.SucceedAsync(id);
    }

    internal static void AssertUpgradeStatus(XElement deployment, string type, string state, int domain)
    {
        var status = deployment.Element(Ns + "UpgradeStatus");
        Assert.True(status is not null, "no UpgradeStatus in " + deployment);
        Assert.Equal(new[] { "UpgradeType", "CurrentUpgradeDomainState", "CurrentUpgradeDomain" }, status!.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(type, Text(status, "UpgradeType"));
        Assert.Equal(state, Text(status, "CurrentUpgradeDomainState"));
        Assert.Equal(domain.ToString(), Text(status, "CurrentUpgradeDomain"));
    }
}
