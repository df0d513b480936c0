using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using ClassicDeploy.Cmdlets;

namespace ClassicDeploy.Session;

/// <summary>Loads the management certificate a context authenticates with: from a PKCS#12 file or the personal store, always with its private key.</summary>
internal static class ManagementCertificates
{
    /// <summary>A .pfx file (no password, or <paramref name="password"/>).</summary>
    public static X509Certificate2 FromFile(string path, SecureString? password) =>
        password is null
            ? new X509Certificate2(path, string.Empty, X509KeyStorageFlags.UserKeySet)
            : new X509Certificate2(path, password, X509KeyStorageFlags.UserKeySet);

    /// <summary>The certificate with <paramref name="thumbprint"/> in the CurrentUser or LocalMachine "My" store; CertificateNotFound otherwise.</summary>
    public static X509Certificate2 FromStore(string thumbprint, string location)
    {
        string wanted = thumbprint.Replace(" ", string.Empty).ToUpperInvariant();
        var store = new X509Store(StoreName.My, location == "LocalMachine" ? StoreLocation.LocalMachine : StoreLocation.CurrentUser);
        try
        {
            store.Open(OpenFlags.ReadOnly);
            X509Certificate2Collection found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
            if (found.Count == 0)
            {
                throw new ClassicDeployException("CertificateNotFound", ErrorCategory.ObjectNotFound,
                    $"No certificate with thumbprint {wanted} in the {location}\\My store.");
            }

            return found[0];
        }
        finally
        {
            store.Close();
        }
    }

    /// <summary>Refuses a certificate without its private key (CertificateUnusable): it could not sign the TLS handshake.</summary>
    public static X509Certificate2 WithPrivateKey(X509Certificate2 certificate)
    {
        if (!certificate.HasPrivateKey)
        {
            throw new ClassicDeployException("CertificateUnusable", ErrorCategory.InvalidArgument,
                $"The management certificate {certificate.Thumbprint} has no private key; it cannot authenticate requests.");
        }

        return certificate;
    }
}
