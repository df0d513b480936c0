using System;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using ClassicDeploy.Client;

namespace ClassicDeploy;

/// <summary>
/// A connection to one subscription: what Connect-ClassicDeploy sets as the runspace's default
/// and what every other cmdlet accepts as -Context. Shows who and where, never key material.
/// </summary>
public sealed class ClassicDeployContext
{
    private readonly object _gate = new object();
    private ServiceManagementClient? _client;

    internal ClassicDeployContext(string subscriptionId, Uri endpoint, X509Certificate2? certificate, string? serverCertificateThumbprint = null)
    {
        SubscriptionId = subscriptionId ?? throw new ArgumentNullException(nameof(subscriptionId));
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Certificate = certificate;
        ServerCertificateThumbprint = ServiceManagementClient.NormalizeThumbprint(serverCertificateThumbprint);
    }

    /// <summary>The subscription every request is made for.</summary>
    public string SubscriptionId { get; }

    /// <summary>The Service Management endpoint (the real service or an emulator).</summary>
    public Uri Endpoint { get; }

    /// <summary>SHA1 thumbprint of the management certificate, or null without one.</summary>
    public string? CertificateThumbprint => Certificate?.Thumbprint;

    /// <summary>Subject of the management certificate, or null without one.</summary>
    public string? CertificateSubject => Certificate?.Subject;

    /// <summary>The server certificate trusted by thumbprint (an emulator's self-signed one), or null.</summary>
    public string? ServerCertificateThumbprint { get; }

    /// <summary>True when connected without a certificate, as to the local emulator.</summary>
    public bool IsEmulator => Certificate is null;

    internal X509Certificate2? Certificate { get; }

    /// <summary>Where the client's verbose lines go: the cmdlet whose async flow made the request.</summary>
    internal static AsyncLocal<Action<string>?> VerboseSink { get; } = new AsyncLocal<Action<string>?>();

    /// <summary>One client per context, created on first use and shared by the cmdlets using it.</summary>
    internal ServiceManagementClient Client
    {
        get
        {
            lock (_gate)
            {
                return _client ??= new ServiceManagementClient(new ServiceManagementClientOptions
                {
                    Endpoint = Endpoint,
                    SubscriptionId = SubscriptionId,
                    Certificate = Certificate,
                    TrustedServerCertificateThumbprint = ServerCertificateThumbprint,
                    Verbose = message => VerboseSink.Value?.Invoke(message),
                    VerboseListening = () => VerboseSink.Value != null,
                });
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => SubscriptionId + " @ " + Endpoint;
}
