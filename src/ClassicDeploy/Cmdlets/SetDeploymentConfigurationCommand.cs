using System;
using System.Collections;
using System.Management.Automation;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>Set-DeploymentConfiguration: Change Deployment Configuration.</summary>
[Cmdlet(VerbsCommon.Set, "DeploymentConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DeploymentOperation))]
public sealed class SetDeploymentConfigurationCommand : DeploymentCmdlet
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

    /// <summary>Wait for the operation to finish, with progress per upgrade domain.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long -Wait waits at most.</summary>
    [Parameter]
    [Seconds]
    public TimeSpan? Timeout { get; set; }

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
        bool wait = Wait;
        TimeSpan? timeout = Timeout;
        Run(
            async ct =>
            {
                Validate(target);
                request.Validate();
                if (!await ShouldProcessAsync(target.ToString(), "Change configuration" + (request.Mode is null ? string.Empty : $" ({request.Mode})")).ConfigureAwait(false))
                {
                    return;
                }

                DateTime start = DateTime.UtcNow;
                AcceptedOperation accepted = await Client.ChangeConfigurationAsync(target, request, ct).ConfigureAwait(false);
                DeploymentOperation operation = Accepted(accepted, "Change Deployment Configuration", target.ServiceName, target.Slot, target.DeploymentName, start);
                await CompleteAsync(operation, wait, timeout, NewProgress("Reconfiguring", target), ct).ConfigureAwait(false);
            },
            target);
    }
}
