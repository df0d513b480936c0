using System.Collections;
using System.Management.Automation;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>New-Deployment: Create Deployment in a slot of a cloud service.</summary>
[Cmdlet(VerbsCommon.New, "Deployment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DeploymentOperation), typeof(OperationJob))]
public sealed class NewDeploymentCommand : ServiceMutationCmdlet
{
    /// <summary>The slot to deploy to.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public DeploymentSlot Slot { get; set; }

    /// <summary>The new deployment's name.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ValidateNotNullOrEmpty]
    public string DeploymentName { get; set; } = string.Empty;

    /// <summary>The URL of the .cspkg in blob storage.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PackageUrl")]
    public string Package { get; set; } = string.Empty;

    /// <summary>The service configuration: XML text or a path to a .cscfg file.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string Configuration { get; set; } = string.Empty;

    /// <summary>The label; the deployment name when omitted.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Label { get; set; }

    /// <summary>Start the deployment right away.</summary>
    [Parameter]
    public SwitchParameter StartDeployment { get; set; }

    /// <summary>Fail on configuration warnings.</summary>
    [Parameter]
    public SwitchParameter TreatWarningsAsError { get; set; }

    /// <summary>Extended properties as name = value.</summary>
    [Parameter]
    public IDictionary? ExtendedProperty { get; set; }

    /// <summary>Extensions to enable.</summary>
    [Parameter]
    public ExtensionConfiguration? ExtensionConfiguration { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var request = new CreateDeploymentRequest
        {
            Name = DeploymentName,
            PackageUrl = Package,
            Label = Label ?? DeploymentName,
            Configuration = InputConversion.Configuration(this, Configuration),
            StartDeployment = StartDeployment.IsPresent ? true : (bool?)null,
            TreatWarningsAsError = TreatWarningsAsError.IsPresent ? true : (bool?)null,
            ExtendedProperties = InputConversion.ExtendedProperties(ExtendedProperty),
            ExtensionConfiguration = ExtensionConfiguration,
        };
        string service = ServiceName;
        DeploymentSlot slot = Slot;
        Run((workflows, ct) => workflows.CreateDeploymentAsync(service, slot, request, Waiting, ct), DeploymentTarget.BySlot(service, slot));
    }
}
