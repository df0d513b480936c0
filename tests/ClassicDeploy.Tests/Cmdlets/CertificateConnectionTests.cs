using System;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Cmdlets;

/// <summary>
/// The management certificate travels as the TLS client certificate: against the emulator over
/// HTTPS with management certificates registered per subscription, end to end from a runspace.
/// </summary>
public sealed class CertificateConnectionTests
{
    private const string Subscription = "5a1b2c3d-0000-4000-8000-00000000c0de";

    private static readonly Lazy<X509Certificate2> Server = new(TestCertificates.Server);
    private static readonly Lazy<X509Certificate2> Registered = new(() => TestCertificates.Management("CN=ClassicDeploy registered"));
    private static readonly Lazy<X509Certificate2> Stranger = new(() => TestCertificates.Management("CN=ClassicDeploy stranger"));

    [Fact]
    public async Task The_registered_certificate_is_served_and_a_stranger_gets_ForbiddenError_that_changes_nothing()
    {
        await using TestEmulator emulator = await StartHttpsAsync();
        using PowerShellSession session = PowerShellSession.Open()
            .SetVariable("endpoint", emulator.Host.BaseAddress)
            .SetVariable("registered", Registered.Value)
            .SetVariable("stranger", Stranger.Value)
            .SetVariable("pin", Server.Value.Thumbprint);

        ScriptResult owner = session.Run(
            $"Connect-ClassicDeploy -SubscriptionId {Subscription} -Certificate $registered -Endpoint $endpoint -ServerCertificateThumbprint $pin; " +
            "$null = New-CloudService -ServiceName cert-svc -Location 'West Europe'; Get-CloudService | ForEach-Object { $_.ServiceName }");
        owner.ShouldSucceed();
        Assert.Equal(new[] { "cert-svc" }, owner.Output.Select(o => o.ToString()));

        ScriptResult stranger = session.Run(
            $"Connect-ClassicDeploy -SubscriptionId {Subscription} -Certificate $stranger -Endpoint $endpoint -ServerCertificateThumbprint $pin; " +
            "New-CloudService -ServiceName stranger-svc -Location 'West Europe'");
        ErrorRecord error = Assert.Single(stranger.Errors);
        Assert.StartsWith("ClassicDeploy.ForbiddenError,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);

        ScriptResult after = session.Run(
            $"Connect-ClassicDeploy -SubscriptionId {Subscription} -Certificate $registered -Endpoint $endpoint -ServerCertificateThumbprint $pin; " +
            "Get-CloudService | ForEach-Object { $_.ServiceName }");
        Assert.Equal(new[] { "cert-svc" }, after.ShouldSucceed().Output.Select(o => o.ToString()));
        Assert.DoesNotContain(emulator.Host.Requests.Snapshot(), r => r.StatusCode == 201 && r.Path.Contains("stranger", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_self_signed_server_certificate_is_refused_unless_its_thumbprint_is_pinned()
    {
        await using TestEmulator emulator = await StartHttpsAsync();
        using PowerShellSession session = PowerShellSession.Open()
            .SetVariable("endpoint", emulator.Host.BaseAddress)
            .SetVariable("registered", Registered.Value)
            .SetVariable("other", Stranger.Value.Thumbprint);

        ScriptResult unpinned = session.Run(
            $"Connect-ClassicDeploy -SubscriptionId {Subscription} -Certificate $registered -Endpoint $endpoint; Get-CloudService");
        ErrorRecord untrusted = Assert.Single(unpinned.Errors);
        Assert.StartsWith("ClassicDeploy.", untrusted.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, untrusted.CategoryInfo.Category);

        ScriptResult wrongPin = session.Run(
            $"Connect-ClassicDeploy -SubscriptionId {Subscription} -Certificate $registered -Endpoint $endpoint -ServerCertificateThumbprint $other; Get-CloudService");
        Assert.Equal(ErrorCategory.ConnectionError, Assert.Single(wrongPin.Errors).CategoryInfo.Category);
        Assert.Empty(emulator.Host.Requests.Snapshot());
    }

    [Fact]
    public void The_context_shows_the_pinned_thumbprint_normalized_and_never_key_material()
    {
        using PowerShellSession session = PowerShellSession.Open();
        PSObject context = session.Run(
            "Connect-ClassicDeploy -SubscriptionId 00000000-0000-0000-0000-000000000001 -Endpoint https://127.0.0.1:1/ -ServerCertificateThumbprint 'ab:cd ef0123456789abcdef0123456789abcdef0123' -PassThru")
            .ShouldSucceed().Single();

        Assert.Equal("ABCDEF0123456789ABCDEF0123456789ABCDEF0123", context.Text("ServerCertificateThumbprint"));
        Assert.DoesNotContain(context.Properties, p => p.Value is X509Certificate2);
    }

    private static Task<TestEmulator> StartHttpsAsync() =>
        TestEmulator.StartAsync(o =>
        {
            o.ServerCertificate = Server.Value;
            o.ManagementCertificates[Subscription] = new System.Collections.Generic.HashSet<string> { Registered.Value.Thumbprint };
        });
}
