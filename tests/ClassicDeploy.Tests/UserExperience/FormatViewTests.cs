using System;
using System.Linq;
using System.Text.RegularExpressions;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.UserExperience;

/// <summary>The default views of ClassicDeploy.Format.ps1xml, as Out-Default prints them in a console.</summary>
public sealed class FormatViewTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _fixture;
    private readonly ConsoleSession _console;
    private readonly string _service = Scenario.NewServiceName();

    public FormatViewTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        _console = ConsoleSession.Open().Connect(fixture.Emulator.Host.BaseAddress);
        _console.SetVariable("svc", _service);
        _console.SetVariable("cfg1", ServiceConfigurationXml.For("v1", ("WebRole1", 2)));
        _console.SetVariable("cfg2", ServiceConfigurationXml.For("v2", ("WebRole1", 2)));
        _console.SetVariable("pkg", Scenario.PackageV1);
    }

    public void Dispose() => _console.Dispose();

    [Fact]
    public void TheFormatFileLoadsWithoutErrors()
    {
        _console.Import.ShouldSucceed();
    }

    [Fact]
    public void DeploymentTableShowsSlotStatusInstancesAndFlags()
    {
        CreateProductionDeployment();

        string text = _console.Show("Get-Deployment -ServiceName $svc -Slot Production");

        AssertHeader(text, "ServiceName", "Slot", "DeploymentName", "Status", "UpgradeDomain", "Instances", "RollbackAllowed", "Locked");
        AssertRow(text, Row(_service, "Production", "prod-v1", "Running", "2/2", "False", "False"));
    }

    [Fact]
    public void DeploymentTableShowsTheUpgradeDomainOfAManualUpgrade()
    {
        CreateProductionDeployment();
        _console.Run("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Manual -Package $pkg -Configuration $cfg2 -Wait").ShouldSucceed();

        string text = _console.Show("Get-Deployment -ServiceName $svc -Slot Production");

        // Domain 0 of the manual upgrade is next: shown 1-based as "1/<count> Before"; rollback is now allowed.
        AssertRow(text, Row(_service, "Production", "prod-v1", "Running", @"1/\d+ Before", "2/2", "True", "False"));
    }

    [Fact]
    public void RoleInstancesAreGroupedByDeploymentWithTheirDomains()
    {
        CreateProductionDeployment();

        string text = _console.Show("(Get-Deployment -ServiceName $svc -Slot Production).RoleInstances");

        Assert.Contains($"Deployment: {_service}/prod-v1", text);
        AssertHeader(text, "RoleName", "InstanceName", "InstanceStatus", "InstanceUpgradeDomain", "InstanceFaultDomain", "PowerState");
        AssertRow(text, Row("WebRole1", "WebRole1_IN_0", "ReadyRole", "0", @"\d+", "Started"));
        AssertRow(text, Row("WebRole1", "WebRole1_IN_1", "ReadyRole", "1", @"\d+", "Started"));
    }

    [Fact]
    public void OperationTableShowsOutcomeDurationAndRequestId()
    {
        _console.Run("New-CloudService -ServiceName $svc -Location 'West Europe'").ShouldSucceed();

        string text = _console.Show("New-Deployment -ServiceName $svc -Slot Staging -DeploymentName stage-v1 -Package $pkg -Configuration $cfg1 -Wait");

        AssertHeader(text, "Operation", "ServiceName", "Deployment", "Status", "HTTP", "Duration", "RequestId");
        AssertRow(text, Row(@"[A-Za-z ]+", _service, "stage-v1", "Succeeded", "200", @"\d+\.\ds", "[0-9a-f]{32}"));
    }

    [Fact]
    public void CloudServiceTableShowsLocationAndDeploymentCount()
    {
        CreateProductionDeployment();

        string text = _console.Show("Get-CloudService -ServiceName $svc -IncludeDeployments");

        AssertHeader(text, "ServiceName", "Location", "Status", "Deployments", "Label");
        AssertRow(text, Row(_service, "West Europe", "Created", "1"));
    }

    [Fact]
    public void ContextTableShowsEndpointAndNoCertificate()
    {
        string endpoint = _fixture.Emulator.Host.BaseAddress.ToString();
        string subscription = Guid.NewGuid().ToString();

        string text = _console.Show($"Connect-ClassicDeploy -SubscriptionId {subscription} -Endpoint {endpoint} -PassThru");

        AssertHeader(text, "SubscriptionId", "Endpoint", "IsEmulator", "CertificateThumbprint");
        AssertRow(text, Row(subscription, Regex.Escape(endpoint), "True"));
    }

    private void CreateProductionDeployment()
    {
        _console.Run(
            "New-CloudService -ServiceName $svc -Location 'West Europe'; " +
            "New-Deployment -ServiceName $svc -Slot Production -DeploymentName prod-v1 -Package $pkg -Configuration $cfg1 -StartDeployment -Wait").ShouldSucceed();
    }

    private static void AssertHeader(string text, params string[] columns)
    {
        string header = string.Join(@"\s+", columns.Select(Regex.Escape));
        AssertRow(text, new Regex("^" + header + @"\s*$", RegexOptions.Multiline));
    }

    private static void AssertRow(string text, Regex row) =>
        Assert.True(row.IsMatch(text), $"No line matches {row}; the console shows:\n{text}");

    /// <summary>A table row with these cells (regular expressions) in order, separated by blanks.</summary>
    private static Regex Row(params string[] cells) =>
        new Regex("^" + string.Join(@"\s+", cells.Select(c => c == Regex.Escape(c) ? c : "(?:" + c + ")")) + @"\b", RegexOptions.Multiline);
}
