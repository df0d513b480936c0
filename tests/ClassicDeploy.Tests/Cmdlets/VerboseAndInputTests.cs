using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Cmdlets;

/// <summary>-Verbose shows the wire conversation without secrets; -Configuration takes a file; extended properties arrive.</summary>
public sealed class VerboseAndInputTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public VerboseAndInputTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public void Verbose_shows_method_uri_status_and_request_id_but_not_the_configuration()
    {
        Scenario s = _fixture.Scenario().WithDeployment();
        ScriptResult r = s.Run("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Auto -Package $pkg2 -Configuration $cfg2 -Wait -Verbose").ShouldSucceed();

        string requestId = r.Single().Text("RequestId")!;
        string[] lines = r.Verbose.Select(v => v.Message).ToArray();
        Assert.Contains(lines, l => l.StartsWith("POST ", StringComparison.Ordinal) && l.Contains($"/services/hostedservices/{s.ServiceName}/deploymentslots/") && l.Contains("comp=upgrade") && l.Contains("202") && l.Contains(requestId));
        Assert.Contains(lines, l => l.StartsWith("GET ", StringComparison.Ordinal) && l.Contains("/operations/" + requestId));
        string configuration = ServiceConfigurationXml.For("v2");
        string base64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(configuration));
        Assert.DoesNotContain(lines, l => l.Contains("ServiceConfiguration") || l.Contains(base64.Substring(0, 40)) || l.Contains("value=\"v2\""));
    }

    [Fact]
    public void Configuration_may_be_a_cscfg_path_relative_to_the_current_location()
    {
        Scenario s = _fixture.Scenario().WithDeployment();
        string folder = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "ServiceConfiguration.Cloud.cscfg"), ServiceConfigurationXml.For("from-file"));
            s.Session.SetVariable("folder", folder);
            s.Run("$null = $ExecutionContext.SessionState.Path.SetLocation($folder); Set-DeploymentConfiguration -ServiceName $svc -Slot Production -Configuration ./ServiceConfiguration.Cloud.cscfg -Wait").ShouldSucceed();

            string deployed = (string)s.Run("(Get-Deployment -ServiceName $svc -Slot Production).Configuration").ShouldSucceed().Single().BaseObject;
            Assert.Contains("value=\"from-file\"", deployed);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Extended_properties_and_the_label_reach_the_deployment()
    {
        Scenario s = _fixture.Scenario().WithService();
        s.Run("New-Deployment -ServiceName $svc -Slot Staging -Name s1 -PackageUrl $pkg1 -Configuration $cfg1 -Label 'first & best' -ExtendedProperty @{ Owner = 'ops'; Ticket = '42' } -Wait").ShouldSucceed();

        PSObject deployment = s.Run("Get-Deployment -ServiceName $svc -Name s1").ShouldSucceed().Single();
        Assert.Equal("first & best", deployment.Text("Label"));
        var properties = ((System.Collections.IEnumerable)deployment.Prop("ExtendedProperties")!).Cast<object>().Select(PSObject.AsPSObject)
            .ToDictionary(p => p.Text("Name")!, p => p.Text("Value"));
        Assert.Equal("ops", properties["Owner"]);
        Assert.Equal("42", properties["Ticket"]);
    }

    [Fact]
    public void Upgrades_get_a_timestamped_label_by_default()
    {
        Scenario s = _fixture.Scenario().WithDeployment();
        s.Run("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Simultaneous -Package $pkg2 -Configuration $cfg2 -Wait").ShouldSucceed();

        string label = s.Run("Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed().Single().Text("Label")!;
        Assert.Matches(@"^ClassicDeploy upgrade \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", label);
    }
}
