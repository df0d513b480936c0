using System;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;

namespace ClassicDeploy.Session;

/// <summary>
/// Lets -Context take a context that crossed a session boundary (Start-Job with $using:, Invoke-Command,
/// Import-Clixml): it arrives as a property bag typed "Deserialized.ClassicDeploy.ClassicDeployContext",
/// and is reconnected from its properties. A management certificate is found again by thumbprint in the
/// CurrentUser or LocalMachine "My" store; when it is not there, the message says to connect in the job.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ContextTransformationAttribute : ArgumentTransformationAttribute
{
    private const string DeserializedTypeName = "Deserialized.ClassicDeploy.ClassicDeployContext";

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (!(inputData is PSObject bag) || bag.BaseObject is ClassicDeployContext || !bag.TypeNames.Contains(DeserializedTypeName))
        {
            return inputData;
        }

        string? subscriptionId = Text(bag, nameof(ClassicDeployContext.SubscriptionId));
        string? endpoint = Text(bag, nameof(ClassicDeployContext.Endpoint));
        if (subscriptionId is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri))
        {
            throw new ArgumentTransformationMetadataException(
                "This context came from another session and has no SubscriptionId or Endpoint: run Connect-ClassicDeploy in this session.");
        }

        string? thumbprint = Text(bag, nameof(ClassicDeployContext.CertificateThumbprint));
        X509Certificate2? certificate = thumbprint is null ? null : FromStores(thumbprint);
        if (thumbprint != null && certificate is null)
        {
            throw new ArgumentTransformationMetadataException(
                $"This context came from another session (for example through Start-Job with $using:) and its management certificate {thumbprint} " +
                "is not in this machine's CurrentUser or LocalMachine certificate store, so it cannot be reconnected: " +
                "run Connect-ClassicDeploy in the job (with -CertificatePath, -CertificateThumbprint or -PublishSettingsFile) instead of passing the context.");
        }

        return new ClassicDeployContext(subscriptionId, uri!, certificate, Text(bag, nameof(ClassicDeployContext.ServerCertificateThumbprint)));
    }

    private static string? Text(PSObject bag, string name)
    {
        object? value = bag.Properties[name]?.Value;
        string? text = value is PSObject wrapped ? wrapped.BaseObject?.ToString() : value?.ToString();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static X509Certificate2? FromStores(string thumbprint)
    {
        foreach (StoreLocation location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            try
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly);
                X509Certificate2? found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false)
                    .Cast<X509Certificate2>()
                    .FirstOrDefault(c => c.HasPrivateKey);
                if (found != null)
                {
                    return found;
                }
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // A store that cannot be opened here (LocalMachine on Unix) has nothing to find.
            }
        }

        return null;
    }
}
