using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace ClassicDeploy.Emulator.Http;

/// <summary>
/// With HTTPS on, every request must present (as its TLS client certificate) a management
/// certificate registered for the subscription in its path; otherwise 403 ForbiddenError.
/// </summary>
internal sealed class CertificateGate
{
    private readonly bool _enabled;
    private readonly IDictionary<string, ISet<string>> _certificates;

    public CertificateGate(EmulatorOptions options)
    {
        _enabled = options.ServerCertificate is not null;
        _certificates = options.ManagementCertificates;
    }

    public async Task CheckAsync(HttpContext context, string? subscriptionId)
    {
        if (!_enabled)
        {
            return;
        }

        var certificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted).ConfigureAwait(false);
        if (certificate is null || subscriptionId is null || !this.IsRegistered(subscriptionId, certificate))
        {
            throw Errors.Forbidden();
        }
    }

    private bool IsRegistered(string subscriptionId, X509Certificate2 certificate)
    {
        if (!_certificates.TryGetValue(subscriptionId, out var thumbprints))
        {
            return false;
        }

        foreach (var thumbprint in thumbprints)
        {
            if (string.Equals(thumbprint, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
