using System;
using System.Collections;
using System.Management.Automation;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Invoke-UpgradeDeployment: Upgrade Deployment (in-place update with a new package and configuration).
/// With -Wait and a health option (-HealthCheck…), a monitored rolling upgrade: one RollingUpgradeResult.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "UpgradeDeployment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DeploymentOperation), typeof(RollingUpgradeResult), typeof(OperationJob))]
public sealed class InvokeUpgradeDeploymentCommand : MonitoredUpgradeCmdlet
{
    /// <summary>Auto (all domains in turn), Manual (Step-UpgradeDomain walks them) or Simultaneous.</summary>
    [Parameter]
    public UpgradeMode Mode { get; set; } = UpgradeMode.Auto;

    /// <summary>The URL of the new .cspkg in blob storage.</summary>
    [Parameter(Mandatory = true)]
    [Alias("PackageUrl")]
    public string Package { get; set; } = string.Empty;

    /// <summary>The new service configuration: XML text or a path to a .cscfg file.</summary>
    [Parameter(Mandatory = true)]
    public string Configuration { get; set; } = string.Empty;

    /// <summary>The label; a timestamped one when omitted.</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>Upgrade only this role.</summary>
    [Parameter]
    public string? RoleToUpgrade { get; set; }

    /// <summary>The API's Force flag: update role instances even where their local data (non-persistent local storage) would be lost.</summary>
    [Parameter]
    public SwitchParameter AllowLocalDataLoss { get; set; }

    /// <summary>Extended properties as name = value.</summary>
    [Parameter]
    public IDictionary? ExtendedProperty { get; set; }

    /// <summary>Extensions to apply.</summary>
    [Parameter]
    public ExtensionConfiguration? ExtensionConfiguration { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var request = new UpgradeDeploymentRequest
        {
            Mode = Mode,
            PackageUrl = Package,
            Configuration = InputConversion.Configuration(this, Configuration),
            Label = Label ?? InputConversion.UpgradeLabel(DateTime.UtcNow),
            RoleToUpgrade = RoleToUpgrade,
            Force = AllowLocalDataLoss,
            ExtendedProperties = InputConversion.ExtendedProperties(ExtendedProperty),
            ExtensionConfiguration = ExtensionConfiguration,
        };
        DeploymentTarget target = Target;
        if (Monitored)
        {
            RequireMonitorable(Wait, "add -Wait; the upgrade is gated domain by domain while it is waited for.");
            HealthPolicy policy = Policy;
            Run((workflows, ct) => workflows.MonitoredUpgradeAsync(target, request, policy, Waiting, ct), target);
            return;
        }

        Run((workflows, ct) => workflows.UpgradeDeploymentAsync(target, request, Waiting, ct), target);
    }
}
