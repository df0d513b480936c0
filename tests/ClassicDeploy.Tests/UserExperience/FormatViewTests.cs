using System;
using System.Linq;
using System.Text.RegularExpressions;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.UserExperience;

/// <summary>
/// The default views of ClassicDeploy.Format.ps1xml, as Out-Default prints them in a console 80
/// columns wide (every CI log, every redirected output) and 120 wide: every column is there with
/// its header on one line, nothing wraps, and the values a user reads are whole.
/// </summary>
public sealed class FormatViewTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _fixture;
    private readonly ConsoleSession _console;

    // Names as long as a user's: 11 and 7 characters.
    private readonly string _service = "web-" + Guid.NewGuid().ToString("N").Substring(0, 7);

    public FormatViewTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        _console = ConsoleSession.Open().Connect(fixture.Emulator.Host.BaseAddress);
        _console.SetVariable("svc", _service);
        _console.SetVariable("cfg1", ServiceConfigurationXml.For("v1", ("WebRole1", 2)));
        _console.SetVariable("cfg2", ServiceConfigurationXml.For("v2", ("WebRole1", 2)));
        _console.SetVariable("pkg", Scenario.PackageV1);
    }

    public static TheoryData<int> Widths => new TheoryData<int> { 80, 120 };

    public void Dispose() => _console.Dispose();

    [Fact]
    public void TheFormatFileLoadsWithoutErrors()
    {
        _console.Import.ShouldSucceed();
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void DeploymentTableShowsSlotStatusInstancesAndFlags(int width)
    {
        CreateProductionDeployment();

        string text = Show(width, "Get-Deployment -ServiceName $svc -Slot Production");

        AssertHeader(text, "ServiceName", "Slot", "Deployment", "Status", "Upgrade", "Ready", "Rollback", "Locked");
        AssertRow(text, Row(_service, "Production", "prod-v1", "Running", "2/2", "False", "False"));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void DeploymentTableShowsTheUpgradeDomainOfAManualUpgradeWhole(int width)
    {
        CreateProductionDeployment();
        _console.Run("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Manual -Package $pkg -Configuration $cfg2 -Wait").ShouldSucceed();

        string text = Show(width, "Get-Deployment -ServiceName $svc -Slot Production");

        // Domain 0 of the manual upgrade is next: shown 1-based as "1/<count> Before"; rollback is now allowed.
        AssertHeader(text, "ServiceName", "Slot", "Deployment", "Status", "Upgrade", "Ready", "Rollback", "Locked");
        AssertRow(text, Row(_service, "Production", "prod-v1", "Running", @"1/\d+ Before", "2/2", "True", "False"));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void RoleInstancesAreGroupedByDeploymentWithTheirDomains(int width)
    {
        CreateProductionDeployment();

        string text = Show(width, "(Get-Deployment -ServiceName $svc -Slot Production).RoleInstances");

        Assert.Contains($"Deployment: {_service}/prod-v1", text);
        AssertHeader(text, "RoleName", "InstanceName", "InstanceStatus", "UpgradeDomain", "FaultDomain", "PowerState");
        AssertRow(text, Row("WebRole1", "WebRole1_IN_0", "ReadyRole", "0", @"\d+", "Started"));
        AssertRow(text, Row("WebRole1", "WebRole1_IN_1", "ReadyRole", "1", @"\d+", "Started"));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void RolesAndUpgradeStatusHaveTablesOfTheirOwn(int width)
    {
        CreateProductionDeployment();
        _console.Run("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Manual -Package $pkg -Configuration $cfg2 -Wait").ShouldSucceed();

        string roles = Show(width, "(Get-Deployment -ServiceName $svc -Slot Production).Roles");
        string upgrade = Show(width, "(Get-Deployment -ServiceName $svc -Slot Production).UpgradeStatus");

        AssertHeader(roles, "RoleName", "OsVersion");
        AssertRow(roles, Row("WebRole1"));
        AssertHeader(upgrade, "UpgradeType", "CurrentUpgradeDomain", "CurrentUpgradeDomainState");
        AssertRow(upgrade, Row("Manual", "0", "Before"));
        Assert.DoesNotContain("ClassicDeploy.Models", roles + upgrade);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void OperationTableShowsOperationDeploymentOutcomeAndTheWholeRequestId(int width)
    {
        _console.Run("New-CloudService -ServiceName $svc -Location 'West Europe'").ShouldSucceed();

        string text = Show(width, "New-Deployment -ServiceName $svc -Slot Staging -DeploymentName stage-v1 -Package $pkg -Configuration $cfg1 -Wait");

        AssertHeader(text, "Operation", "Deployment", "Status", "RequestId");
        AssertRow(text, Row("Create", Regex.Escape(_service + "/stage-v1"), "Succeeded", "[0-9a-f]{32}"));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void CloudServiceTableShowsLocationAndNoDeploymentCountItDidNotRead(int width)
    {
        CreateProductionDeployment();

        string text = Show(width, "Get-CloudService -ServiceName $svc");
        string detail = Show(width, "Get-CloudService -ServiceName $svc -IncludeDeployments");

        // Without -IncludeDeployments List Hosted Services says nothing of deployments, so neither does the table
        // (the list view says "none read"; tests/pester/UserExperience.Tests.ps1 shows it under Format-List).
        AssertHeader(text, "ServiceName", "Location", "Status", "Label");
        AssertRow(text, Row(_service, "West Europe", "Created"));
        Assert.Equal(text, detail);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void ContextTableShowsSubscriptionEndpointAndCertificate(int width)
    {
        string endpoint = _fixture.Emulator.Host.BaseAddress.ToString();
        string subscription = Guid.NewGuid().ToString();

        string text = Show(width, $"Connect-ClassicDeploy -SubscriptionId {subscription} -Endpoint {endpoint} -PassThru");

        AssertHeader(text, "SubscriptionId", "Endpoint", "Certificate");
        AssertRow(text, Row(subscription, Regex.Escape(endpoint), Regex.Escape("none (emulator)")));
    }

    private string Show(int width, string script)
    {
        _console.Host.UI.RawUI.BufferSize = new System.Management.Automation.Host.Size(width, 9999);
        string text = _console.Show(script);
        string[] tooLong = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length >= width).ToArray();
        Assert.True(tooLong.Length == 0, $"Lines of {width} or more characters wrap in a console {width} wide:\n{string.Join("\n", tooLong)}");
        Assert.DoesNotContain("…", text);
        return text;
    }

    private void CreateProductionDeployment()
    {
        _console.Run(
            "New-CloudService -ServiceName $svc -Location 'West Europe'; " +
            "New-Deployment -ServiceName $svc -Slot Production -DeploymentName prod-v1 -Package $pkg -Configuration $cfg1 -StartDeployment -Wait").ShouldSucceed();
    }

    /// <summary>The header line holds exactly these labels, whole, and the dashes under it.</summary>
    private static void AssertHeader(string text, params string[] columns)
    {
        string header = string.Join(@"\s+", columns.Select(Regex.Escape));
        AssertRow(text, new Regex("^" + header + @"\s*\r?\n[- ]+\r?$", RegexOptions.Multiline));
    }

    private static void AssertRow(string text, Regex row) =>
        Assert.True(row.IsMatch(text), $"No line matches {row}; the console shows:\n{text}");

    /// <summary>A table row with these cells (regular expressions) in order, separated by blanks.</summary>
    private static Regex Row(params string[] cells) =>
        new Regex("^" + string.Join(@"\s+", cells.Select(c => c == Regex.Escape(c) ? c : "(?:" + c + ")")) + @"(?:\s|$)", RegexOptions.Multiline);
}
