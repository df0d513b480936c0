using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Client;

/// <summary>The real transport: certificate wiring, and connection refused detected on a real socket.</summary>
public sealed class TransportTests
{
    [Fact]
    public void TheManagementCertificateIsTheTlsClientCertificate()
    {
        using X509Certificate2 certificate = TestCertificates.Management();

        using HttpClientHandler handler = ServiceManagementClient.CreateHandler(new ServiceManagementClientOptions { SubscriptionId = "s", Certificate = certificate });

        Assert.Equal(ClientCertificateOption.Manual, handler.ClientCertificateOptions);
        Assert.Equal(certificate.Thumbprint, Assert.Single(handler.ClientCertificates.Cast<X509Certificate>()).GetCertHashString());
        Assert.False(handler.AllowAutoRedirect);
    }

    [Fact]
    public async Task APostToAClosedPortIsRetriedBecauseItWasNeverSent()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var verbose = new ConcurrentQueue<string>();
        using var client = new ServiceManagementClient(new ServiceManagementClientOptions
        {
            Endpoint = new Uri("http://127.0.0.1:" + port + "/"),
            SubscriptionId = "sub-1",
            Retry = new RetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) },
            Verbose = verbose.Enqueue,
        });

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.WalkUpgradeDomainAsync(DeploymentTarget.BySlot("contoso", DeploymentSlot.Production), new WalkUpgradeDomainRequest(), CancellationToken.None));

        Assert.IsType<SocketException>(ex.InnerException);
        Assert.Equal(2, verbose.Count(l => l.StartsWith("Retrying POST", StringComparison.Ordinal) && l.EndsWith("after a connection failure", StringComparison.Ordinal)));
    }
}
