using System;
using System.Collections.Generic;

namespace ClassicDeploy.Models;

/// <summary>Body of Upgrade Deployment (docs/PROTOCOL.md, Request bodies).</summary>
public sealed class UpgradeDeploymentRequest
{
    public UpgradeMode Mode { get; set; } = UpgradeMode.Auto;

    public string PackageUrl { get; set; } = string.Empty;

    /// <summary>The service configuration as XML text; its body carries it base64-encoded.</summary>
    public string Configuration { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public string? RoleToUpgrade { get; set; }

    public bool Force { get; set; }

    public List<ExtendedProperty> ExtendedProperties { get; set; } = new List<ExtendedProperty>();

    public ExtensionConfiguration? ExtensionConfiguration { get; set; }

    /// <summary>Throws RequestValidationException naming the first property the service would reject.</summary>
    public void Validate()
    {
        RequestRules.Mode(Mode, simultaneousAllowed: true, "Upgrade Deployment");
        RequestRules.PackageUrl(PackageUrl);
        RequestRules.Configuration(Configuration);
        RequestRules.Label(Label);
        RequestRules.XmlText(RoleToUpgrade, nameof(RoleToUpgrade));
        RequestRules.ExtendedProperties(ExtendedProperties);
        RequestRules.ExtensionConfiguration(ExtensionConfiguration);
    }
}
