using System;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using ClassicDeploy.Session;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Connect-ClassicDeploy: sets this runspace's default context (subscription, endpoint,
/// management certificate). -PassThru outputs it, for -Context elsewhere.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "ClassicDeploy", DefaultParameterSetName = EndpointSet)]
[OutputType(typeof(ClassicDeployContext))]
public sealed class ConnectClassicDeployCommand : PSCmdlet
{
    private const string CertificateSet = "Certificate";
    private const string CertificateFileSet = "CertificateFile";
    private const string ThumbprintSet = "Thumbprint";
    private const string PublishSettingsSet = "PublishSettings";
    private const string EndpointSet = "Endpoint";

    /// <summary>The default Service Management endpoint.</summary>
    public static readonly Uri DefaultEndpoint = new Uri("https://management.core.windows.net/");

    /// <summary>The subscription id (optional with -PublishSettingsFile: picks one of several).</summary>
    [Parameter(ParameterSetName = CertificateSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = CertificateFileSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = ThumbprintSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = EndpointSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = PublishSettingsSet)]
    [ValidateNotNullOrEmpty]
    public string? SubscriptionId { get; set; }

    /// <summary>The management certificate, with its private key.</summary>
    [Parameter(ParameterSetName = CertificateSet, Mandatory = true)]
    [ValidateNotNull]
    public X509Certificate2? Certificate { get; set; }

    /// <summary>A PKCS#12 (.pfx) file holding the management certificate.</summary>
    [Parameter(ParameterSetName = CertificateFileSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? CertificatePath { get; set; }

    /// <summary>The password of the .pfx file.</summary>
    [Parameter(ParameterSetName = CertificateFileSet)]
    public SecureString? CertificatePassword { get; set; }

    /// <summary>The thumbprint of the management certificate in the personal ("My") store.</summary>
    [Parameter(ParameterSetName = ThumbprintSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? CertificateThumbprint { get; set; }

    /// <summary>The store to look for -CertificateThumbprint in.</summary>
    [Parameter(ParameterSetName = ThumbprintSet)]
    [ValidateSet("CurrentUser", "LocalMachine")]
    public string StoreLocation { get; set; } = "CurrentUser";

    /// <summary>A .publishsettings file (schema 1.0 or 2.0).</summary>
    [Parameter(ParameterSetName = PublishSettingsSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? PublishSettingsFile { get; set; }

    /// <summary>The Service Management endpoint; mandatory without a certificate (the emulator).</summary>
    [Parameter(ParameterSetName = EndpointSet, Mandatory = true)]
    [Parameter(ParameterSetName = CertificateSet)]
    [Parameter(ParameterSetName = CertificateFileSet)]
    [Parameter(ParameterSetName = ThumbprintSet)]
    [ValidateNotNull]
    public Uri? Endpoint { get; set; }

    /// <summary>Trust this server certificate (by SHA1 thumbprint) though it does not chain to a trusted root, as an emulator's self-signed one.</summary>
    [Parameter(ParameterSetName = EndpointSet)]
    [Parameter(ParameterSetName = CertificateSet)]
    [Parameter(ParameterSetName = CertificateFileSet)]
    [Parameter(ParameterSetName = ThumbprintSet)]
    [ValidatePattern("^[0-9A-Fa-f: ]{40,59}$")]
    public string? ServerCertificateThumbprint { get; set; }

    /// <summary>Outputs the context.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        if (SubscriptionId != null && !Guid.TryParse(SubscriptionId, out _))
        {
            ThrowTerminatingError(ErrorRecords.From(
                new Models.RequestValidationException(
                    $"'{SubscriptionId}' is not a subscription id: a subscription id is a GUID, such as {Guid.Empty}.",
                    nameof(SubscriptionId)),
                SubscriptionId));
        }

        ClassicDeployContext context;
        try
        {
            context = CreateContext();
        }
        catch (Exception exception) when (!(exception is PipelineStoppedException))
        {
            ThrowTerminatingError(exception is ClassicDeployException own
                ? new ErrorRecord(own, ErrorRecords.Prefix + own.ErrorId, own.Category, null)
                : new ErrorRecord(exception, ErrorRecords.Prefix + "CertificateUnusable", ErrorCategory.InvalidArgument, null));
            return;
        }

        ContextStore.Current = context;
        WriteVerbose($"Connected to subscription {context.SubscriptionId} at {context.Endpoint}.");
        if (PassThru)
        {
            WriteObject(context);
        }
    }

    private ClassicDeployContext CreateContext()
    {
        switch (ParameterSetName)
        {
            case EndpointSet:
                return new ClassicDeployContext(SubscriptionId!, Endpoint!, null, ServerCertificateThumbprint);
            case CertificateFileSet:
                string path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(CertificatePath);
                X509Certificate2 fromFile = CertificatePassword is null
                    ? new X509Certificate2(path, string.Empty, X509KeyStorageFlags.UserKeySet)
                    : new X509Certificate2(path, CertificatePassword, X509KeyStorageFlags.UserKeySet);
                return WithCertificate(fromFile);
            case ThumbprintSet:
                return WithCertificate(FromStore(CertificateThumbprint!, StoreLocation));
            case PublishSettingsSet:
                string file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(PublishSettingsFile);
                return PublishSettings.Read(file, SubscriptionId);
            default:
                return WithCertificate(Certificate!);
        }
    }

    private ClassicDeployContext WithCertificate(X509Certificate2 certificate)
    {
        if (!certificate.HasPrivateKey)
        {
            throw new ClassicDeployException("CertificateUnusable", ErrorCategory.InvalidArgument,
                $"The management certificate {certificate.Thumbprint} has no private key; it cannot authenticate requests.");
        }

        return new ClassicDeployContext(SubscriptionId!, Endpoint ?? DefaultEndpoint, certificate, ServerCertificateThumbprint);
    }

    private static X509Certificate2 FromStore(string thumbprint, string location)
    {
        string wanted = thumbprint.Replace(" ", string.Empty).ToUpperInvariant();
        var store = new X509Store(StoreName.My, location == "LocalMachine" ? System.Security.Cryptography.X509Certificates.StoreLocation.LocalMachine : System.Security.Cryptography.X509Certificates.StoreLocation.CurrentUser);
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
}
