using System.Net;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;

namespace ClassicDeploy.Emulator.Tests.Http;

/// <summary>Structural and value checks of request bodies: the wire layer refuses them before the engine looks anything up.</summary>
public sealed class RequestValidationTests
{
    private const string Slot = "services/hostedservices/svc/deploymentslots/production";
    private const string Upgrade = Slot + "/?comp=upgrade";
    private const string Ns = "http://schemas.microsoft.com/windowsazure";

    public static TheoryData<string, string, string> InvalidXml => new()
    {
        { "malformed", Upgrade, "<UpgradeDeployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Mode>Auto</Mode>" },
        { "not xml", Upgrade, "Mode=Auto" },
        { "empty body", Upgrade, "" },
        { "wrong root", Upgrade, $"<ChangeConfiguration xmlns=\"{Ns}\"><Configuration>{Bodies.B64(Bodies.DefaultConfiguration)}</Configuration></ChangeConfiguration>" },
        { "https namespace (typo in the reference)", Upgrade, Bodies.Upgrade("Auto").Replace("http://schemas", "https://schemas") },
        { "no namespace", Upgrade, Bodies.Upgrade("Auto").Replace(" xmlns=\"http://schemas.microsoft.com/windowsazure\"", "") },
        { "bad base64 configuration", Upgrade, $"<UpgradeDeployment xmlns=\"{Ns}\"><Mode>Auto</Mode><PackageUrl>{Bodies.PackageUrl}</PackageUrl><Configuration>not*base64!</Configuration><Label>{Bodies.B64("x")}</Label><Force>false</Force></UpgradeDeployment>" },
        { "bad base64 label", Upgrade, $"<UpgradeDeployment xmlns=\"{Ns}\"><Mode>Auto</Mode><PackageUrl>{Bodies.PackageUrl}</PackageUrl><Configuration>{Bodies.B64(Bodies.DefaultConfiguration)}</Configuration><Label>%%%</Label><Force>false</Force></UpgradeDeployment>" },
        { "label before configuration", Upgrade, $"<UpgradeDeployment xmlns=\"{Ns}\"><Mode>Auto</Mode><PackageUrl>{Bodies.PackageUrl}</PackageUrl><Label>{Bodies.B64("x")}</Label><Configuration>{Bodies.B64(Bodies.DefaultConfiguration)}</Configuration><Force>false</Force></UpgradeDeployment>" },
        { "force missing", Upgrade, $"<UpgradeDeployment xmlns=\"{Ns}\"><Mode>Auto</Mode><PackageUrl>{Bodies.PackageUrl}</PackageUrl><Configuration>{Bodies.B64(Bodies.DefaultConfiguration)}</Configuration><Label>{Bodies.B64("x")}</Label></UpgradeDeployment>" },
        { "unknown element", Upgrade, Bodies.Upgrade("Auto", extra: "<Color>blue</Color>") },
        { "bad boolean", Upgrade, Bodies.Upgrade("Auto").Replace("<Force>false</Force>", "<Force>yes</Force>") },
        { "upper-case boolean", Upgrade, Bodies.Upgrade("Auto").Replace("<Force>false</Force>", "<Force>False</Force>") },
        { "bad int", Slot + "/?comp=walkupgradedomain", $"<WalkUpgradeDomain xmlns=\"{Ns}\"><UpgradeDomain>one</UpgradeDomain></WalkUpgradeDomain>" },
        { "walk without domain", Slot + "/?comp=walkupgradedomain", $"<WalkUpgradeDomain xmlns=\"{Ns}\"></WalkUpgradeDomain>" },
        { "rollback curly quotes (typo in the reference)", Slot + "/?comp=rollback", "<RollbackUpdateOrUpgrade xmlns=\u201dhttp://schemas.microsoft.com/windowsazure\u201d><Mode>Auto</Mode><Force>false</Force></RollbackUpdateOrUpgrade>" },
        { "rollback force before mode", Slot + "/?comp=rollback", $"<RollbackUpdateOrUpgrade xmlns=\"{Ns}\"><Force>false</Force><Mode>Auto</Mode></RollbackUpdateOrUpgrade>" },
        { "config mode before warnings", Slot + "/?comp=config", $"<ChangeConfiguration xmlns=\"{Ns}\"><Configuration>{Bodies.B64(Bodies.DefaultConfiguration)}</Configuration><Mode>Auto</Mode><TreatWarningsAsError>false</TreatWarningsAsError></ChangeConfiguration>" },
        { "swap source before production", "services/hostedservices/svc", $"<Swap xmlns=\"{Ns}\"><SourceDeployment>b</SourceDeployment><Production>a</Production></Swap>" },
        { "two roots", Upgrade, Bodies.Upgrade("Auto") + "<UpgradeDeployment/>" },
        { "nested element in text", Upgrade, Bodies.Upgrade("Auto").Replace("<Mode>Auto</Mode>", "<Mode><Auto/></Mode>") },
        { "property without name", Upgrade, Bodies.Upgrade("Auto", extra: "<ExtendedProperties><ExtendedProperty><Value>v</Value></ExtendedProperty></ExtendedProperties>") },
    };

    public static TheoryData<string, string, string> BadRequest => new()
    {
        { "unknown mode", Upgrade, Bodies.Upgrade("Sideways") },
        { "simultaneous config", Slot + "/?comp=config", Bodies.ChangeConfiguration("Simultaneous") },
        { "simultaneous rollback", Slot + "/?comp=rollback", Bodies.Rollback("Simultaneous") },
        { "26 extended properties", Upgrade, Bodies.Upgrade("Auto", extra: Bodies.Properties(26)) },
        { "property name starts with digit", Upgrade, Bodies.Upgrade("Auto", extra: Bodies.Properties(1, _ => "1abc")) },
        { "property name with dash", Upgrade, Bodies.Upgrade("Auto", extra: Bodies.Properties(1, _ => "my-prop")) },
        { "property name of 65 characters", Upgrade, Bodies.Upgrade("Auto", extra: Bodies.Properties(1, _ => "a" + new string('b', 64))) },
        { "duplicate property names", Upgrade, Bodies.Upgrade("Auto", extra: Bodies.Properties(2, _ => "Same")) },
        { "property value of 256 characters", Upgrade, Bodies.Upgrade("Auto", extra: Bodies.Properties(1, value: _ => new string('v', 256))) },
        { "label of 101 characters", Upgrade, Bodies.Upgrade("Auto", label: new string('l', 101)) },
        { "relative package url", Upgrade, Bodies.Upgrade("Auto").Replace(Bodies.PackageUrl, "packages/app.cspkg") },
        { "unknown extension state", Upgrade, Bodies.Upgrade("Auto", extra: "<ExtensionConfiguration><AllRoles><Extension><Id>rdp</Id><State>Paused</State></Extension></AllRoles></ExtensionConfiguration>") },
        { "unknown comp", Slot + "/?comp=reboot", Bodies.Walk(0) },
    };

    [Theory]
    [MemberData(nameof(InvalidXml))]
    public async Task Structurally_wrong_bodies_are_InvalidXmlRequest(string why, string path, string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.PostAsync(path, body);
        var message = await TestEmulator.AssertErrorAsync(response, HttpStatusCode.BadRequest, "InvalidXmlRequest");
        Assert.False(string.IsNullOrWhiteSpace(message), why);
    }

    [Theory]
    [MemberData(nameof(BadRequest))]
    public async Task Wrong_values_are_BadRequest(string why, string path, string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.PostAsync(path, body);
        var message = await TestEmulator.AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.False(string.IsNullOrWhiteSpace(message), why);
    }

    [Theory]
    [InlineData("2011-08-01", "<Force>false</Force>")]
    [InlineData("2011-11-01", "<ExtendedProperties><ExtendedProperty><Name>a</Name><Value>b</Value></ExtendedProperty></ExtendedProperties>")]
    [InlineData("2012-08-01", "<Mode>Simultaneous</Mode>")]
    [InlineData("2012-12-01", "<ExtensionConfiguration><AllRoles><Extension><Id>rdp</Id></Extension></AllRoles></ExtensionConfiguration>")]
    [InlineData("2014-05-01", "<ExtensionConfiguration><AllRoles><Extension><Id>rdp</Id><State>Enable</State></Extension></AllRoles></ExtensionConfiguration>")]
    public async Task Elements_newer_than_the_version_header_are_BadRequest(string version, string element)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = element.StartsWith("<Force>") || element.StartsWith("<Mode>")
            ? Bodies.Upgrade(element.StartsWith("<Mode>") ? "Simultaneous" : "Auto")
            : Bodies.Upgrade("Auto", extra: element);
        using var response = await emulator.PostAsync(Upgrade, body, version);
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task Rollback_needs_version_2011_10_01()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.PostAsync(Slot + "/?comp=rollback", Bodies.Rollback("Auto"), "2011-08-01");
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
    }
}
