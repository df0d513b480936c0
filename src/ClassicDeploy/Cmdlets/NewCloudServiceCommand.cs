using System.Collections;
using System.Management.Automation;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>New-CloudService: Create Hosted Service. Synchronous on the wire (201), so the output operation has already Succeeded.</summary>
[Cmdlet(VerbsCommon.New, "CloudService", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = LocationSet)]
[OutputType(typeof(DeploymentOperation))]
public sealed class NewCloudServiceCommand : ClassicDeployCmdlet
{
    /// <summary>Goes ahead without asking for confirmation (-WhatIf still only shows what would happen).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    private protected override bool SkipsConfirmation => Force;

    /// <inheritdoc />
    protected override string ConfirmationSwitches => "-Force (or -Confirm:$false)";

    private const string LocationSet = "Location";
    private const string AffinityGroupSet = "AffinityGroup";

    /// <summary>The new service's name (its DNS prefix).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ServiceName { get; set; } = string.Empty;

    /// <summary>The label; the service name when omitted.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Label { get; set; }

    /// <summary>A description.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>The region.</summary>
    [Parameter(ParameterSetName = LocationSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string? Location { get; set; }

    /// <summary>The affinity group, instead of a region.</summary>
    [Parameter(ParameterSetName = AffinityGroupSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string? AffinityGroup { get; set; }

    /// <summary>Extended properties as name = value.</summary>
    [Parameter]
    public IDictionary? ExtendedProperty { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var request = new CreateHostedServiceRequest
        {
            ServiceName = ServiceName,
            Label = Label ?? ServiceName,
            Description = Description,
            Location = Location,
            AffinityGroup = AffinityGroup,
            ExtendedProperties = InputConversion.ExtendedProperties(ExtendedProperty),
        };
        Run((workflows, ct) => workflows.CreateHostedServiceAsync(request, ct), request.ServiceName);
    }
}
