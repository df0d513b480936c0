using System;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests.Http;

/// <summary>HTTPS with management certificates: the TLS client certificate must be registered for the subscription in the path.</summary>
public sealed class CertificateTests
{
    private const string Forbidden =
        "The server failed to authenticate the request. Verify that the certificate is valid and is associated with this subscription.";

    private static readonly Lazy<X509Certificate2> Server = new(() => Create("CN=localhost", server: true));
    private static readonly Lazy<X509Certificate2> Registered = new(() => Create("CN=registered management certificate", server: false));
    private static readonly Lazy<X509Certificate2> Stranger = new(() => Create("CN=unregistered certificate", server: false));

    [Fact]
    public async Task Request_without_a_client_certificate_is_ForbiddenError()
    {
        await using var emulator = await StartHttpsAsync(null);
        Assert.Equal("https", emulator.Host.BaseAddress.Scheme);
        using var response = await emulator.GetAsync("services/hostedservices");
        Assert.Equal(Forbidden, await AssertErrorAsync(response, HttpStatusCode.Forbidden, "ForbiddenError"));
    }

    [Fact]
    public async Task Unregistered_certificate_is_ForbiddenError_and_changes_nothing()
    {
        await using (var stranger = await StartHttpsAsync(Stranger.Value))
        {
            using var create = await stranger.PostAsync("services/hostedservices", Bodies.CreateHostedService("svc"));
            Assert.Equal(Forbidden, await AssertErrorAsync(create, HttpStatusCode.Forbidden, "ForbiddenError"));
            var entry = Assert.Single(stranger.Host.Requests.Snapshot());
            Assert.Equal(403, entry.StatusCode);
        }
    }

    [Fact]
    public async Task Registered_certificate_is_served_and_only_for_its_subscription()
    {
        await using var emulator = await StartHttpsAsync(Registered.Value);
        await emulator.CreateServiceAsync("svc");
        var list = await emulator.GetXmlAsync("services/hostedservices");
        Assert.Single(list.Elements(Ns + "HostedService"));

        using var other = new HttpRequestMessage(HttpMethod.Get, "another-subscription/services/hostedservices");
        other.Headers.Add("x-ms-version", ApiVersion);
        using var response = await emulator.Client.SendAsync(other);
        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "ForbiddenError");
    }

    [Fact]
    public async Task A_stranger_cannot_see_or_touch_what_the_owner_created()
    {
        var options = Options();
        await using var host = await EmulatorHost.StartAsync(options);
        using var owner = Client(host, Registered.Value);
        using var stranger = Client(host, Stranger.Value);

        using var strangerCreate = await Send(stranger, HttpMethod.Post, "services/hostedservices", Bodies.CreateHostedService("svc"));
        Assert.Equal(HttpStatusCode.Forbidden, strangerCreate.StatusCode);
        using var ownerGet = await Send(owner, HttpMethod.Get, "services/hostedservices/svc", null);
        await AssertErrorAsync(ownerGet, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    private static EmulatorOptions Options()
    {
        var options = new EmulatorOptions { InMemory = true, ServerCertificate = Server.Value };
        options.ManagementCertificates[Subscription] = new System.Collections.Generic.HashSet<string> { Registered.Value.Thumbprint };
        return options;
    }

    private static async Task<TestEmulator> StartHttpsAsync(X509Certificate2? clientCertificate)
    {
        return await TestEmulator.StartAsync(
            o =>
            {
                o.ServerCertificate = Server.Value;
                o.ManagementCertificates[Subscription] = new System.Collections.Generic.HashSet<string> { Registered.Value.Thumbprint };
            },
            Handler(clientCertificate));
    }

    private static HttpClient Client(EmulatorHost host, X509Certificate2 certificate) =>
        new(Handler(certificate)) { BaseAddress = host.BaseAddress };

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, P(path));
        request.Headers.Add("x-ms-version", ApiVersion);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/xml");
        }

        return await client.SendAsync(request);
    }

    private static HttpClientHandler Handler(X509Certificate2? clientCertificate)
    {
        var handler = new HttpClientHandler
        {
            ClientCertificateOptions = ClientCertificateOption.Manual,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == Server.Value.Thumbprint,
        };
        if (clientCertificate is not null)
        {
            handler.ClientCertificates.Add(clientCertificate);
        }

        return handler;
    }

    private static X509Certificate2 Create(string subject, bool server)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2") }, false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
