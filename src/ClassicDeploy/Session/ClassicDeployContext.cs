using System;
using System.Security.Cryptography.X509Certificates;
using ClassicDeploy.Client;
using ClassicDeploy.Session;

namespace ClassicDeploy;

/// <summary>
/// A connection to one subscription: what Connect-ClassicDeploy sets as the runspace's default
/// and what every other cmdlet accepts as -Context. Shows who and where, never key material.
/// </summary>
/// <remarks>Kept in the ClassicDeploy namespace: users pass it by that type name (-Context).</remarks>
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
                    Verbose = VerboseScope.Write,
                    VerboseListening = () => VerboseScope.Listening,
                });
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => SubscriptionId + " @ " + Endpoint;
}
