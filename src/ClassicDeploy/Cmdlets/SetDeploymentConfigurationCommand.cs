using System.Collections;
using System.Management.Automation;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>Set-DeploymentConfiguration: Change Deployment Configuration.</summary>
[Cmdlet(VerbsCommon.Set, "DeploymentConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DeploymentOperation), typeof(OperationJob))]
public sealed class SetDeploymentConfigurationCommand : DeploymentMutationCmdlet
{
    /// <summary>The new service configuration: XML text or a path to a .cscfg file.</summary>
    [Parameter(Mandatory = true)]
    public string Configuration { get; set; } = string.Empty;

    /// <summary>Auto (all domains in turn) or Manual (Step-UpgradeDomain walks them).</summary>
    [Parameter]
    [ValidateSet("Auto", "Manual")]
    public UpgradeMode? Mode { get; set; }

    /// <summary>Fail on configuration warnings.</summary>
    [Parameter]
    public SwitchParameter TreatWarningsAsError { get; set; }

    /// <summary>Extended properties as name = value.</summary>
    [Parameter]
    public IDictionary? ExtendedProperty { get; set; }

    /// <summary>Extensions to apply.</summary>
    [Parameter]
    public ExtensionConfiguration? ExtensionConfiguration { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var request = new ChangeConfigurationRequest
        {
            Configuration = InputConversion.Configuration(this, Configuration),
            TreatWarningsAsError = TreatWarningsAsError.IsPresent ? TreatWarningsAsError.ToBool() : (bool?)null,
            Mode = Mode,
            ExtendedProperties = InputConversion.ExtendedProperties(ExtendedProperty),
            ExtensionConfiguration = ExtensionConfiguration,
        };
        DeploymentTarget target = Target;
        Run((workflows, ct) => workflows.ChangeConfigurationAsync(target, request, Waiting, ct), target);
    }
}
