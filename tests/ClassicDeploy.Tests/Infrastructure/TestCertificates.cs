using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ClassicDeploy.Tests.Infrastructure;

/// <summary>Self-signed certificates with exportable private keys, for management (client) and server use.</summary>
public static class TestCertificates
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";

    /// <summary>A management certificate: client authentication, valid from yesterday for a month.</summary>
    public static X509Certificate2 Management(string subject = "CN=ClassicDeploy test") => Create(subject, ClientAuthentication, null);

    /// <summary>A server certificate for 127.0.0.1 and localhost.</summary>
    public static X509Certificate2 Server()
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        return Create("CN=localhost", ServerAuthentication, names.Build());
    }

    private static X509Certificate2 Create(string subject, string usage, X509Extension? alternativeNames)
    {
        using RSA rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(usage) }, false));
        if (alternativeNames != null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }

        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx, string.Empty), string.Empty, X509KeyStorageFlags.Exportable);
    }
}
