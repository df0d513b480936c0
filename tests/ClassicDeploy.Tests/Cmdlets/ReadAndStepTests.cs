using System;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Cmdlets;

/// <summary>Get-CloudService, explicit upgrade domains, and connecting by store thumbprint.</summary>
public sealed class ReadAndStepTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public ReadAndStepTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public void Get_CloudService_lists_the_subscription_and_embeds_deployments_on_request()
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production").WithDeployment("Staging");

        PSObject listed = s.Run("Get-CloudService").ShouldSucceed().Single();
        Assert.Equal(s.ServiceName, listed.Text("ServiceName"));
        Assert.Equal("West Europe", listed.Text("Location"));

        PSObject detailed = s.Run("Get-CloudService -ServiceName $svc -IncludeDeployments").ShouldSucceed().Single();
        var deployments = ((Array)detailed.Prop("Deployments")!).Cast<object>().Select(PSObject.AsPSObject).ToList();
        Assert.Equal(new[] { "Production", "Staging" }, deployments.Select(d => d.Text("Slot")).OrderBy(x => x));

        // A service name from the pipeline, as text.
        Assert.Equal(s.ServiceName, s.Run("$svc | Get-CloudService").ShouldSucceed().Single().Text("ServiceName"));
    }

    [Fact]
    public void An_explicit_upgrade_domain_is_walked_and_a_wrong_one_is_the_servers_BadRequest()
    {
        Scenario s = _fixture.Scenario().WithDeployment().WithManualUpgrade();

        ScriptResult wrong = s.Run("Step-UpgradeDomain -ServiceName $svc -Slot Production -UpgradeDomain 2");
        Assert.StartsWith("ClassicDeploy.BadRequest,", wrong.ErrorIds.Single());
        Assert.Equal(ErrorCategory.InvalidArgument, wrong.Errors.Single().CategoryInfo.Category);

        PSObject walk = s.Run("Step-UpgradeDomain -ServiceName $svc -Slot Production -UpgradeDomain 0 -Wait").ShouldSucceed().Single();
        Assert.Equal("Succeeded", walk.Text("Status"));
        PSObject status = s.Run("Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed().Single().Nested("UpgradeStatus")!;
        Assert.Equal(1, status.Prop("CurrentUpgradeDomain"));

        ScriptResult both = s.Run("Step-UpgradeDomain -ServiceName $svc -Slot Production -UpgradeDomain 1 -All");
        Assert.StartsWith("ClassicDeploy.InvalidParameter,", both.ErrorIds.Single());
        Assert.Contains("'UpgradeDomain'", both.Errors.Single().ToString());

        ScriptResult negative = s.Run("Step-UpgradeDomain -ServiceName $svc -Slot Production -UpgradeDomain -1");
        Assert.StartsWith("ParameterArgumentValidationError,", negative.ErrorIds.Single());
    }

    [Fact]
    public void Mode_of_Set_DeploymentConfiguration_accepts_only_Auto_and_Manual()
    {
        PowerShellSession session = _fixture.Connect();
        ScriptResult r = session.Run("Set-DeploymentConfiguration -ServiceName s -Slot Production -Configuration '<x/>' -Mode Simultaneous");
        Assert.StartsWith("ParameterArgumentValidationError,", r.ErrorIds.Single());
    }

    [Theory]
    [InlineData("90", "00:01:30")]
    [InlineData("0.5", "00:00:00.5000000")]
    [InlineData("'00:02:00'", "00:02:00")]
    [InlineData("([timespan]::FromMinutes(3))", "00:03:00")]
    public void Timeout_takes_seconds_or_a_time_span(string argument, string expected)
    {
        PowerShellSession session = _fixture.Connect();
        ScriptResult r = session.Run(
            "(Get-Command Wait-DeploymentOperation).Parameters['Timeout'].Attributes | " +
            "Where-Object { $_ -is [System.Management.Automation.ArgumentTransformationAttribute] } | " +
            $"ForEach-Object {{ [timespan]$_.Transform($ExecutionContext, {argument}) }}").ShouldSucceed();
        Assert.Equal(expected, r.Single().ToString());
    }

    [Fact]
    public void Connect_by_thumbprint_finds_the_certificate_in_the_current_user_store()
    {
        using X509Certificate2 certificate = TestCertificates.Management("CN=ClassicDeploy store test");
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(certificate);
        try
        {
            using PowerShellSession session = PowerShellSession.Open();
            session.SetVariable("thumbprint", certificate.Thumbprint.ToLowerInvariant());
            PSObject context = session.Run("Connect-ClassicDeploy -SubscriptionId 44444444-4444-4444-4444-444444444444 -CertificateThumbprint $thumbprint -PassThru").ShouldSucceed().Single();
            Assert.Equal(certificate.Thumbprint, context.Text("CertificateThumbprint"));
            Assert.Equal("CN=ClassicDeploy store test", context.Text("CertificateSubject"));

            ScriptResult missing = session.Run("Connect-ClassicDeploy -SubscriptionId 44444444-4444-4444-4444-444444444444 -CertificateThumbprint 00112233445566778899AABBCCDDEEFF00112233");
            Assert.StartsWith("ClassicDeploy.CertificateNotFound,", missing.ErrorIds.Single());
        }
        finally
        {
            store.Remove(certificate);
        }
    }
}
