using System;
using System.Collections.Generic;

namespace ClassicDeploy.Models;

/// <summary>Body of Change Deployment Configuration (docs/PROTOCOL.md, Request bodies).</summary>
public sealed class ChangeConfigurationRequest
{
    /// <summary>The service configuration as XML text; its body carries it base64-encoded.</summary>
    public string Configuration { get; set; } = string.Empty;

    public bool? TreatWarningsAsError { get; set; }

    /// <summary>Auto or Manual; null omits the element.</summary>
    public UpgradeMode? Mode { get; set; }

    public List<ExtendedProperty> ExtendedProperties { get; set; } = new List<ExtendedProperty>();

    public ExtensionConfiguration? ExtensionConfiguration { get; set; }

    /// <summary>Throws RequestValidationException naming the first property the service would reject.</summary>
    public void Validate()
    {
        RequestRules.Configuration(Configuration);
        if (Mode.HasValue)
        {
            RequestRules.Mode(Mode.Value, simultaneousAllowed: false, "Change Deployment Configuration");
        }

        RequestRules.ExtendedProperties(ExtendedProperties);
        RequestRules.ExtensionConfiguration(ExtensionConfiguration);
    }
}
