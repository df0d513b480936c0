using System;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;

namespace ClassicDeploy.Client;

/// <summary>Where and how the client talks to the Service Management API.</summary>
public sealed class ServiceManagementClientOptions
{
    public Uri Endpoint { get; set; } = new Uri("https://management.core.windows.net/");

    public string SubscriptionId { get; set; } = string.Empty;

    /// <summary>The management certificate, sent as the TLS client certificate.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>
    /// SHA1 thumbprint of a server certificate to accept even though it does not chain to a
    /// trusted root (an emulator's self-signed one). Any other certificate is still validated.
    /// </summary>
    public string? TrustedServerCertificateThumbprint { get; set; }

    /// <summary>The x-ms-version header.</summary>
    public string Version { get; set; } = "2017-01-01";

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    public RetryOptions Retry { get; set; } = new RetryOptions();

    public PollingOptions Polling { get; set; } = new PollingOptions();

    /// <summary>One line per HTTP attempt and per retry; may be called on any thread; never bodies, certificates or configuration.</summary>
    public Action<string>? Verbose { get; set; }

    /// <summary>Whether <see cref="Verbose"/> has a listener right now; when false a successful attempt's line is not even formatted.</summary>
    internal Func<bool>? VerboseListening { get; set; }

    /// <summary>For tests; when null the client builds an HttpClientHandler with the certificate.</summary>
    public HttpMessageHandler? Handler { get; set; }
}
