using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Cmdlets;

/// <summary>Connect-ClassicDeploy and the per-runspace context.</summary>
public sealed class SessionTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public SessionTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Parallel_runspaces_keep_their_own_context()
    {
        await using TestEmulator other = await TestEmulator.StartAsync();
        Scenario a = _fixture.Scenario().WithService();
        Scenario b = new Scenario(other, other.Connect()).WithService();

        // Both runspaces work at the same time, each against its own endpoint and subscription.
        Task<ScriptResult> inA = Task.Run(() => a.Run("1..5 | ForEach-Object { Get-CloudService }"));
        Task<ScriptResult> inB = Task.Run(() => b.Run("1..5 | ForEach-Object { Get-CloudService }"));
        ScriptResult ra = (await inA).ShouldSucceed(), rb = (await inB).ShouldSucceed();

        Assert.All(ra.Output, o => Assert.Equal(a.ServiceName, o.Text("ServiceName")));
        Assert.All(rb.Output, o => Assert.Equal(b.ServiceName, o.Text("ServiceName")));
        Assert.Equal(5, ra.Output.Count);
        Assert.Equal(5, rb.Output.Count);
        Assert.DoesNotContain(_fixture.Emulator.Host.Requests.Snapshot(), r => r.SubscriptionId == b.Session.SubscriptionId);
        Assert.DoesNotContain(other.Host.Requests.Snapshot(), r => r.SubscriptionId == a.Session.SubscriptionId);
    }

    [Fact]
    public void PassThru_outputs_the_context_and_Context_overrides_the_default()
    {
        PowerShellSession session = _fixture.Connect();
        string second = Guid.NewGuid().ToString();
        session.SetVariable("second", second).SetVariable("endpoint", _fixture.Emulator.Host.BaseAddress.ToString());

        ScriptResult r = session.Run("$ctx = Connect-ClassicDeploy -SubscriptionId $second -Endpoint $endpoint -PassThru; $ctx").ShouldSucceed();
        Assert.Equal(second, r.Single().Text("SubscriptionId"));
        Assert.Equal(true, r.Single().Prop("IsEmulator"));
        Assert.Null(r.Single().Prop("CertificateThumbprint"));

        // A second runspace that never connected uses the context it is given.
        using PowerShellSession fresh = PowerShellSession.Open();
        fresh.SetVariable("ctx", session.GetVariable("ctx")).SetVariable("name", Scenario.NewServiceName());
        fresh.Run("New-CloudService -ServiceName $name -Location 'West Europe' -Context $ctx").ShouldSucceed();
        Assert.Contains(_fixture.Emulator.Host.Requests.Snapshot(), e => e.SubscriptionId == second && e.Method == "POST");
        Assert.StartsWith("ClassicDeploy.NotConnected,", fresh.Run("Get-CloudService").ErrorIds.Single());
    }

    [Fact]
    public void A_publishsettings_file_picks_the_subscription_and_its_certificate()
    {
        using X509Certificate2 certificate = TestCertificates.Management();
        string pfx = Convert.ToBase64String(certificate.Export(X509ContentType.Pfx, string.Empty));
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".publishsettings");
        File.WriteAllText(path,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><PublishData><PublishProfile SchemaVersion=\"2.0\" PublishMethod=\"AzureServiceManagementAPI\">" +
            $"<Subscription ServiceManagementUrl=\"https://management.example.test\" Id=\"11111111-1111-1111-1111-111111111111\" Name=\"One\" ManagementCertificate=\"{pfx}\" />" +
            $"<Subscription ServiceManagementUrl=\"https://other.example.test\" Id=\"22222222-2222-2222-2222-222222222222\" Name=\"Two\" ManagementCertificate=\"{pfx}\" />" +
            "</PublishProfile></PublishData>");
        try
        {
            using PowerShellSession session = PowerShellSession.Open();
            session.SetVariable("file", path);

            var context = session.Run("Connect-ClassicDeploy -PublishSettingsFile $file -SubscriptionId 22222222-2222-2222-2222-222222222222 -PassThru").ShouldSucceed().Single();
            Assert.Equal("22222222-2222-2222-2222-222222222222", context.Text("SubscriptionId"));
            Assert.Equal("https://other.example.test/", context.Text("Endpoint"));
            Assert.Equal(certificate.Thumbprint, context.Text("CertificateThumbprint"));
            Assert.Equal(false, context.Prop("IsEmulator"));
            Assert.DoesNotContain(context.Properties, p => p.Value is X509Certificate2);

            ScriptResult ambiguous = session.Run("Connect-ClassicDeploy -PublishSettingsFile $file");
            Assert.StartsWith("ClassicDeploy.InvalidPublishSettings,", ambiguous.ErrorIds.Single());
            Assert.Contains("-SubscriptionId", ambiguous.Errors.Single().ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_pfx_file_with_a_password_connects_with_its_certificate()
    {
        using X509Certificate2 certificate = TestCertificates.Management();
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "p@ss"));
        try
        {
            using PowerShellSession session = PowerShellSession.Open();
            session.SetVariable("file", path);
            var context = session.Run(
                "$pw = [System.Net.NetworkCredential]::new('', 'p@ss').SecurePassword; " +
                "Connect-ClassicDeploy -SubscriptionId 33333333-3333-3333-3333-333333333333 -CertificatePath $file -CertificatePassword $pw -PassThru").ShouldSucceed().Single();
            Assert.Equal(certificate.Thumbprint, context.Text("CertificateThumbprint"));
            Assert.Equal("https://management.core.windows.net/", context.Text("Endpoint"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
