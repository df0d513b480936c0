using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using System.Xml.Linq;
using ClassicDeploy.Emulator.State;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests;

/// <summary>Mutations while an update is in progress, and the package behaviors a runbook rehearses against.</summary>
public sealed class UpdateInProgressTests
{
    private const string Slot = "services/hostedservices/svc/deploymentslots/production";
    private const string V3 = "https://storage.test/packages/v3.cspkg";

    private static string UpgradeTo(string packageUrl, string mode) =>
        $"""<?xml version="1.0" encoding="utf-8"?><UpgradeDeployment xmlns="http://schemas.microsoft.com/windowsazure"><Mode>{mode}</Mode><PackageUrl>{packageUrl}</PackageUrl><Configuration>{Bodies.B64(Bodies.DefaultConfiguration)}</Configuration><Label>{Bodies.B64("v3")}</Label><Force>false</Force></UpgradeDeployment>""";

    private static async Task<TestEmulator> StartWithBehaviorsAsync() => await StartAsync(o =>
    {
        o.PackageBehaviors.Add(new PackageBehaviorRule("*crash*", PackageBehavior.Crash));
        o.PackageBehaviors.Add(new PackageBehaviorRule("*INVALID*", PackageBehavior.Invalid));
        o.PackageBehaviors.Add(new PackageBehaviorRule("*/slow-?.cspkg", PackageBehavior.Slow));
    });

    /// <summary>An Auto or Manual update accepted and past its Locked window, with domain 0 walked (being walked when Auto).</summary>
    private static async Task<string> UpdateUnderwayAsync(TestEmulator emulator, string mode)
    {
        var upgrade = await emulator.AcceptedAsync(Slot + "/?comp=upgrade", Bodies.Upgrade(mode));
        emulator.Clock.Advance(AcceptTime);
        if (mode == "Manual")
        {
            await emulator.SucceedAsync(upgrade);
            var walk = await emulator.AcceptedAsync(Slot + "/?comp=walkupgradedomain", Bodies.Walk(0));
            emulator.Clock.Advance(AcceptTime);
            return walk;
        }

        return upgrade;
    }

    private static async Task<XElement> FailedAsync(TestEmulator emulator, string requestId, string code)
    {
        var operation = await emulator.CompleteAsync(requestId);
        Assert.Equal("Failed", Text(operation, "Status"));
        Assert.Equal(code, Text(operation.Element(Ns + "Error")!, "Code"));
        return operation;
    }

    [Theory]
    [InlineData("Auto")]
    [InlineData("Manual")]
    public async Task Rollback_during_an_update_is_accepted_and_returns_the_changed_domains(string mode)
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var running = await UpdateUnderwayAsync(emulator, mode);
        var during = await emulator.DeploymentAsync("svc");
        Assert.Equal("false", Text(during, "Locked"));
        Assert.Equal("true", Text(during, "RollbackAllowed"));

        var rollback = await emulator.AcceptedAsync(Slot + "/?comp=rollback", Bodies.Rollback("Auto"));
        var rolling = await emulator.DeploymentAsync("svc");
        Assert.Equal("true", Text(rolling, "Locked"));
        Assert.Equal("false", Text(rolling, "RollbackAllowed"));
        UpgradeFlowTests.AssertUpgradeStatus(rolling, "Auto", "During", 0);

        var ended = await FailedAsync(emulator, running, "ConflictError");
        Assert.Equal("409", Text(ended, "HttpStatusCode"));
        Assert.Contains(rollback, Text(ended.Element(Ns + "Error")!, "Message"));
        await emulator.SucceedAsync(rollback);
        var done = await emulator.DeploymentAsync("svc");
        Assert.Null(done.Element(Ns + "UpgradeStatus"));
        Assert.Equal(Bodies.B64("v1"), Text(done, "Label"));
    }

    [Theory]
    [InlineData("Auto")]
    [InlineData("Manual")]
    public async Task A_new_upgrade_during_an_update_supersedes_it_and_its_first_domain_is_updated_at_once(string mode)
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var running = await UpdateUnderwayAsync(emulator, mode);

        var second = await emulator.AcceptedAsync(Slot + "/?comp=upgrade", UpgradeTo(V3, "Auto"));
        var superseding = await emulator.DeploymentAsync("svc");
        UpgradeFlowTests.AssertUpgradeStatus(superseding, "Auto", "During", 0);
        Assert.Equal("true", Text(superseding, "Locked"));
        var ended = await FailedAsync(emulator, running, "ConflictError");
        Assert.Contains("superseded", Text(ended.Element(Ns + "Error")!, "Message"));

        await emulator.SucceedAsync(second);
        Assert.Equal(Bodies.B64("v3"), Text(await emulator.DeploymentAsync("svc"), "Label"));
    }

    [Theory]
    [InlineData("Auto")]
    [InlineData("Manual")]
    public async Task A_configuration_change_during_an_update_supersedes_it(string mode)
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var running = await UpdateUnderwayAsync(emulator, mode);
        var changed = Bodies.Configuration(("WebRole1", 6), ("WorkerRole1", 2));

        var change = await emulator.AcceptedAsync(Slot + "/?comp=config", Bodies.ChangeConfiguration("Auto", changed));
        await FailedAsync(emulator, running, "ConflictError");
        await emulator.SucceedAsync(change);
        var done = await emulator.DeploymentAsync("svc");
        Assert.Equal(Bodies.B64(changed), Text(done, "Configuration"));
        Assert.Equal(8, Statuses(done).Length);
    }

    [Theory]
    [InlineData("Auto")]
    [InlineData("Manual")]
    public async Task Delete_during_an_update_is_accepted_and_ends_the_update(string mode)
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var running = await UpdateUnderwayAsync(emulator, mode);

        using var response = await emulator.DeleteAsync(Slot);
        var delete = await AssertAcceptedAsync(response);
        Assert.Equal("Deleting", Text(await emulator.DeploymentAsync("svc"), "Status"));
        var ended = await FailedAsync(emulator, running, "ConflictError");
        Assert.Contains("deleted", Text(ended.Element(Ns + "Error")!, "Message"));
        await emulator.SucceedAsync(delete);
        using var gone = await emulator.GetAsync(Slot);
        await AssertErrorAsync(gone, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task A_crashing_package_leaves_an_Auto_upgrade_stuck_until_rolled_back()
    {
        await using var emulator = await StartWithBehaviorsAsync();
        await emulator.DeployAsync("svc");
        var upgrade = await emulator.AcceptedAsync(Slot + "/?comp=upgrade", UpgradeTo("https://storage.test/packages/crash-v2.cspkg", "Auto"));

        // Domain 0 is updated, its instances never become ready, so domain 1 is not walked before the start timeout (ten domains).
        emulator.Clock.Advance(DomainDuration * 9);
        var stuck = await emulator.DeploymentAsync("svc");
        UpgradeFlowTests.AssertUpgradeStatus(stuck, "Auto", "Before", 1);
        var domain0 = stuck.Element(Ns + "RoleInstanceList")!.Elements(Ns + "RoleInstance").Where(i => Text(i, "InstanceUpgradeDomain") == "0").Select(i => Text(i, "InstanceStatus")).ToArray();
        Assert.All(domain0, s => Assert.Contains(s, new[] { "BusyRole", "RestartingRole", "UnresponsiveRole" }));
        Assert.Equal("InProgress", await emulator.OperationStatusAsync(upgrade));
        Assert.Equal("true", Text(stuck, "RollbackAllowed"));

        var rollback = await emulator.AcceptedAsync(Slot + "/?comp=rollback", Bodies.Rollback("Auto"));
        await FailedAsync(emulator, upgrade, "ConflictError");
        await emulator.SucceedAsync(rollback);
        emulator.Clock.Advance(StartTime);
        var restored = await emulator.DeploymentAsync("svc");
        Assert.Equal(Bodies.B64("v1"), Text(restored, "Label"));
        Assert.All(Statuses(restored), s => Assert.Equal("ReadyRole", s));
    }

    [Fact]
    public async Task After_the_start_timeout_an_Auto_upgrade_goes_on_regardless()
    {
        await using var emulator = await StartWithBehaviorsAsync();
        await emulator.DeployAsync("svc");
        var upgrade = await emulator.AcceptedAsync(Slot + "/?comp=upgrade", UpgradeTo("https://storage.test/packages/crash-v2.cspkg", "Auto"));
        emulator.Clock.Advance(DomainDuration * 11);
        UpgradeFlowTests.AssertUpgradeStatus(await emulator.DeploymentAsync("svc"), "Auto", "During", 1);
        Assert.Equal("InProgress", await emulator.OperationStatusAsync(upgrade));
    }

    [Fact]
    public async Task An_invalid_package_fails_the_upgrade_asynchronously_and_leaves_the_deployment_unchanged()
    {
        await using var emulator = await StartWithBehaviorsAsync();
        await emulator.DeployAsync("svc");
        var upgrade = await emulator.AcceptedAsync(Slot + "/?comp=upgrade", UpgradeTo("https://storage.test/packages/invalid.cspkg", "Auto"));
        Assert.Equal("InProgress", await emulator.OperationStatusAsync(upgrade));

        var failed = await FailedAsync(emulator, upgrade, "BadRequest");
        Assert.Equal("400", Text(failed, "HttpStatusCode"));
        Assert.Contains("package cannot be used", Text(failed.Element(Ns + "Error")!, "Message"));
        var unchanged = await emulator.DeploymentAsync("svc");
        Assert.Null(unchanged.Element(Ns + "UpgradeStatus"));
        Assert.Equal(Bodies.B64("v1"), Text(unchanged, "Label"));
        Assert.All(Statuses(unchanged), s => Assert.Equal("ReadyRole", s));
    }

    [Fact]
    public async Task A_slow_package_takes_ten_times_the_start_time_and_the_next_domain_waits_for_it()
    {
        await using var emulator = await StartWithBehaviorsAsync();
        await emulator.DeployAsync("svc");
        await emulator.AcceptedAsync(Slot + "/?comp=upgrade", UpgradeTo("https://storage.test/packages/slow-2.cspkg", "Auto"));
        emulator.Clock.Advance(DomainDuration + (StartTime * 9));
        var starting = await emulator.DeploymentAsync("svc");
        UpgradeFlowTests.AssertUpgradeStatus(starting, "Auto", "Before", 1);
        Assert.DoesNotContain("ReadyRole", starting.Element(Ns + "RoleInstanceList")!.Elements(Ns + "RoleInstance").Where(i => Text(i, "InstanceUpgradeDomain") == "0").Select(i => Text(i, "InstanceStatus")));
        emulator.Clock.Advance(StartTime);
        UpgradeFlowTests.AssertUpgradeStatus(await emulator.DeploymentAsync("svc"), "Auto", "During", 1);
    }

    [Fact]
    public async Task An_invalid_package_fails_create_deployment_and_no_deployment_remains()
    {
        await using var emulator = await StartWithBehaviorsAsync();
        await emulator.CreateServiceAsync("svc");
        var body = Bodies.CreateDeployment("dep1", Bodies.DefaultConfiguration).Replace(Bodies.PackageUrl, "https://storage.test/packages/Invalid-build.cspkg", StringComparison.Ordinal);
        var create = await emulator.AcceptedAsync(Slot, body);
        await FailedAsync(emulator, create, "BadRequest");
        using var gone = await emulator.GetAsync(Slot);
        await AssertErrorAsync(gone, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Each_slot_keeps_its_virtual_IP_across_a_swap()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc", name: "blue");
        await emulator.DeployAsync("svc", slot: "staging", name: "green", createService: false);
        static string Vip(XElement d) => Text(d.Element(Ns + "VirtualIPs")!.Element(Ns + "VirtualIP")!, "Address");
        var production = Vip(await emulator.DeploymentAsync("svc"));
        var staging = Vip(await emulator.DeploymentAsync("svc", "staging"));
        Assert.NotEqual(production, staging);

        await emulator.SucceedAsync(await emulator.AcceptedAsync("services/hostedservices/svc", Bodies.Swap("blue", "green")));
        var afterProduction = await emulator.DeploymentAsync("svc");
        Assert.Equal("green", Text(afterProduction, "Name"));
        Assert.Equal(production, Vip(afterProduction));
        Assert.Equal(staging, Vip(await emulator.DeploymentAsync("svc", "staging")));
    }

    [Theory]
    [InlineData("2009-10-01", false, false, false)]
    [InlineData("2011-06-01", true, false, false)]
    [InlineData("2011-10-01", true, true, false)]
    [InlineData("2012-03-01", true, true, true)]
    public async Task Get_Deployment_leaves_out_elements_newer_than_the_version(string version, bool instanceDetails, bool locked, bool vips)
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        using var response = await emulator.GetAsync(Slot, version);
        var d = await XmlAsync(response);
        Assert.Equal(instanceDetails, d.Element(Ns + "UpgradeDomainCount") is not null);
        Assert.Equal(instanceDetails, d.Element(Ns + "SdkVersion") is not null);
        Assert.Equal(instanceDetails, d.Descendants(Ns + "InstanceUpgradeDomain").Any());
        Assert.Equal(locked, d.Element(Ns + "Locked") is not null);
        Assert.Equal(locked, d.Element(Ns + "RollbackAllowed") is not null);
        Assert.Equal(vips, d.Element(Ns + "VirtualIPs") is not null);
        Assert.NotEmpty(d.Descendants(Ns + "InstanceStatus"));
    }

    [Fact]
    public async Task Extended_properties_a_name_with_a_trailing_newline_is_BadRequest()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        using var response = await emulator.PostAsync(Slot + "/?comp=upgrade", Bodies.Upgrade("Auto", extra: Bodies.Properties(1, _ => "abc&#10;")));
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Null((await emulator.DeploymentAsync("svc")).Element(Ns + "UpgradeStatus"));
    }

    [Fact]
    public async Task Extended_properties_merge_to_at_most_25_and_one_sent_without_a_value_is_deleted()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        string[] Names(XElement d) => d.Element(Ns + "ExtendedProperties")!.Elements(Ns + "ExtendedProperty").Select(p => Text(p, "Name")).ToArray();
        await emulator.SucceedAsync(await emulator.AcceptedAsync(Slot + "/?comp=config", Bodies.ChangeConfiguration("Auto", extra: Bodies.Properties(25, n => "A" + n))));
        Assert.Equal(25, Names(await emulator.DeploymentAsync("svc")).Length);

        using var tooMany = await emulator.PostAsync(Slot + "/?comp=config", Bodies.ChangeConfiguration("Auto", extra: Bodies.Properties(1, _ => "Extra")));
        Assert.Contains("25", await AssertErrorAsync(tooMany, HttpStatusCode.BadRequest, "BadRequest"));

        var remove = "<ExtendedProperties><ExtendedProperty><Name>A0</Name></ExtendedProperty><ExtendedProperty><Name>A1</Name><Value></Value></ExtendedProperty><ExtendedProperty><Name>Extra</Name><Value>x</Value></ExtendedProperty></ExtendedProperties>";
        await emulator.SucceedAsync(await emulator.AcceptedAsync(Slot + "/?comp=config", Bodies.ChangeConfiguration("Auto", extra: remove)));
        var names = Names(await emulator.DeploymentAsync("svc"));
        Assert.Equal(24, names.Length);
        Assert.DoesNotContain("A0", names);
        Assert.DoesNotContain("A1", names);
        Assert.Contains("Extra", names);
    }
}
