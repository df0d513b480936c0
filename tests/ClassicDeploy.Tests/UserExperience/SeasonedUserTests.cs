using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.UserExperience;

/// <summary>
/// What a seasoned PowerShell user expects of any module, in a hosted runspace: request ids from
/// the pipeline, short waits on finished operations, a service's deployments without a slot,
/// wildcards, a mistyped path named as such, a validated subscription id, the context cmdlets,
/// and objects that print as what they are.
/// </summary>
public sealed class SeasonedUserTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public SeasonedUserTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_short_wait_on_an_operation_that_ended_long_ago_reports_how_it_ended()
    {
        Scenario s = _fixture.Scenario().WithDeployment();
        string id = s.Run("(Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Package $pkg2 -Configuration $cfg2 -Wait).RequestId").ShouldSucceed().Single().ToString();
        s.Session.SetVariable("id", id);

        PSObject waited = s.Run("Wait-DeploymentOperation -RequestId $id -Timeout 0.05").ShouldSucceed().Single();

        Assert.Equal("Succeeded", waited.Text("Status"));
        Assert.Equal(200, waited.Prop("HttpStatusCode"));
    }

    [Fact]
    public void Request_ids_read_from_a_file_pipe_into_both_operation_cmdlets()
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production").WithDeployment("Staging");
        string file = Path.Combine(Path.GetTempPath(), "ids-" + Guid.NewGuid().ToString("N") + ".txt");
        s.Session.SetVariable("ids", file);
        try
        {
            s.Run(
                "$a = Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Package $pkg2 -Configuration $cfg2; " +
                "$b = Invoke-UpgradeDeployment -ServiceName $svc -Slot Staging -Package $pkg2 -Configuration $cfg2; " +
                "[IO.File]::WriteAllLines($ids, [string[]] ($a.RequestId, $b.RequestId))").ShouldSucceed();

            // Plain strings, one a line (Get-Content under pwsh: tests/pester/UserExperience.Tests.ps1).
            ScriptResult waited = s.Run("[IO.File]::ReadAllLines($ids) | Wait-DeploymentOperation").ShouldSucceed();
            ScriptResult read = s.Run("[IO.File]::ReadAllLines($ids) | Get-DeploymentOperation").ShouldSucceed();

            string[] ids = File.ReadAllLines(file);
            Assert.Equal(ids.OrderBy(i => i), waited.Output.Select(o => o.Text("RequestId")).OrderBy(i => i));
            Assert.All(waited.Output, o => Assert.Equal("Succeeded", o.Text("Status")));
            Assert.Equal(ids, read.Output.Select(o => o.Text("RequestId")));
            Assert.All(read.Output, o => Assert.Equal("Succeeded", o.Text("Status")));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Get_Deployment_without_a_slot_gives_every_deployment_of_the_service()
    {
        Scenario s = _fixture.Scenario().WithDeployment("Staging", "green").WithDeployment("Production", "blue");

        ScriptResult r = s.Run("Get-Deployment $svc").ShouldSucceed();

        Assert.Equal(new[] { "Production", "Staging" }, r.Output.Select(d => d.Text("Slot")));
        Assert.Equal(new[] { "blue", "green" }, r.Output.Select(d => d.Text("DeploymentName")));
        Assert.All(r.Output, d => Assert.NotEmpty((Array)d.Prop("RoleInstances")!));
    }

    [Fact]
    public void A_service_without_the_slot_is_an_error_naming_the_service_and_the_slot()
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production");

        ScriptResult r = s.Run("Get-CloudService | Get-Deployment -Slot Staging");

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.ResourceNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal($"Cloud service '{s.ServiceName}', Staging slot: No deployments were found.", error.ToString());
    }

    [Fact]
    public void Wildcards_pick_services_on_the_read_cmdlets_and_a_pattern_matching_none_is_no_error()
    {
        PowerShellSession session = _fixture.Connect();
        string prefix = "w" + Guid.NewGuid().ToString("N").Substring(0, 8);
        session.SetVariable("prefix", prefix).SetVariable("cfg", ServiceConfigurationXml.For("v1")).SetVariable("pkg", Scenario.PackageV1);
        session.Run(
            "'-web', '-api', 'x-other' | ForEach-Object { $null = New-CloudService -ServiceName ($prefix + $_) -Location 'West Europe' }; " +
            "$null = New-Deployment -ServiceName ($prefix + '-web') -Slot Production -DeploymentName web -Package $pkg -Configuration $cfg -Wait; " +
            "$null = New-Deployment -ServiceName ($prefix + '-api') -Slot Production -DeploymentName api -Package $pkg -Configuration $cfg -Wait").ShouldSucceed();

        ScriptResult services = session.Run("Get-CloudService -ServiceName ($prefix + '-*')").ShouldSucceed();
        ScriptResult deployments = session.Run("Get-Deployment -ServiceName ($prefix.ToUpperInvariant() + '-*') -Slot Production").ShouldSucceed();
        ScriptResult none = session.Run("Get-CloudService 'nothing-like-this-*'; Get-Deployment 'nothing-like-this-*'").ShouldSucceed();

        Assert.Equal(new[] { prefix + "-api", prefix + "-web" }, services.Output.Select(o => o.Text("ServiceName")).OrderBy(n => n));
        Assert.Equal(new[] { "api", "web" }, deployments.Output.Select(o => o.Text("DeploymentName")).OrderBy(n => n));
        Assert.Empty(none.Output);
    }

    [Fact]
    public void A_mistyped_configuration_path_is_file_not_found_with_the_resolved_path_and_sends_nothing()
    {
        Scenario s = _fixture.Scenario().WithDeployment();
        int before = s.Requests.Count;

        string here = s.Run("$PWD.ProviderPath").ShouldSucceed().Single().ToString();
        ScriptResult r = s.Run("Set-DeploymentConfiguration -ServiceName $svc -Slot Production -Configuration ./no-such.cscfg");

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.ConfigurationFileNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("Configuration file not found: " + Path.Combine(here, "no-such.cscfg"), error.ToString());
        Assert.Equal(before, s.Requests.Count);
    }

    [Fact]
    public void A_subscription_id_that_is_not_a_guid_is_refused()
    {
        using PowerShellSession session = PowerShellSession.Open();

        ScriptResult r = session.Run("Connect-ClassicDeploy -SubscriptionId not-a-guid -Endpoint http://127.0.0.1:1/; Get-ClassicDeployContext");

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.InvalidParameter,", error.FullyQualifiedErrorId);
        Assert.Contains("'not-a-guid' is not a subscription id", error.ToString());
        Assert.Empty(r.Output);
        Assert.Empty(session.Run("Get-ClassicDeployContext").ShouldSucceed().Output);
    }

    [Fact]
    public void Get_ClassicDeployContext_shows_the_connection_and_Disconnect_forgets_it()
    {
        PowerShellSession session = _fixture.Connect();

        PSObject context = session.Run("Get-ClassicDeployContext").ShouldSucceed().Single();
        PSObject forgotten = session.Run("Disconnect-ClassicDeploy -PassThru").ShouldSucceed().Single();
        ScriptResult after = session.Run("Get-ClassicDeployContext; Get-CloudService");

        Assert.Equal(session.SubscriptionId, context.Text("SubscriptionId"));
        Assert.Equal(_fixture.Emulator.Host.BaseAddress, (Uri)context.Prop("Endpoint")!);
        Assert.Equal(session.SubscriptionId, forgotten.Text("SubscriptionId"));
        Assert.Empty(after.Output);
        Assert.StartsWith("ClassicDeploy.NotConnected,", Assert.Single(after.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void A_context_kept_in_a_variable_still_works_after_Disconnect()
    {
        Scenario s = _fixture.Scenario().WithService();

        PSObject service = s.Run("$ctx = Get-ClassicDeployContext; Disconnect-ClassicDeploy; Get-CloudService -ServiceName $svc -Context $ctx").ShouldSucceed().Single();

        Assert.Equal(s.ServiceName, service.Text("ServiceName"));
    }

    [Fact]
    public void A_deserialized_context_as_from_Start_Job_using_is_reconnected_from_its_properties()
    {
        Scenario s = _fixture.Scenario().WithDeployment();

        // What a job receives for $using:ctx: a property bag typed Deserialized.ClassicDeploy.ClassicDeployContext.
        ScriptResult r = s.Run(
            "$copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Get-ClassicDeployContext))); " +
            "$copy.PSObject.TypeNames[0]; Disconnect-ClassicDeploy; (Get-Deployment -ServiceName $svc -Slot Production -Context $copy).DeploymentName").ShouldSucceed();

        Assert.Equal(new[] { "Deserialized.ClassicDeploy.ClassicDeployContext", "production-v1" }, r.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_deserialized_context_whose_certificate_is_in_no_store_says_to_connect_in_the_job()
    {
        Scenario s = _fixture.Scenario();
        ScriptResult r = s.Run(
            "$copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize((Get-ClassicDeployContext))); " +
            "$copy.PSObject.Properties.Remove('CertificateThumbprint'); $copy.PSObject.Properties.Add([psnoteproperty]::new('CertificateThumbprint', '00112233445566778899AABBCCDDEEFF00112233')); " +
            "Get-CloudService -Context $copy");

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ParameterArgumentTransformationError,", error.FullyQualifiedErrorId);
        Assert.Contains("run Connect-ClassicDeploy in the job", error.ToString());
        Assert.Empty(s.Requests);
    }

    [Fact]
    public void Role_instances_roles_and_the_upgrade_status_print_as_what_they_are()
    {
        Scenario s = _fixture.Scenario().WithDeployment().WithManualUpgrade();

        string text = s.Run("$d = Get-Deployment $svc -Slot Production; \"$($d.RoleInstances[0]) | $($d.Roles[0]) | $($d.UpgradeStatus)\"").ShouldSucceed().Single().ToString();

        Assert.Equal("WebRole1_IN_0 (WebRole1, ReadyRole, upgrade domain 0) | WebRole1 (*) | Manual upgrade, upgrade domain 0 Before", text);
    }
}
