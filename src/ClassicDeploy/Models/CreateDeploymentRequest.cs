using System;
using System.Collections.Generic;

namespace ClassicDeploy.Models;

/// <summary>Body of Create Deployment.</summary>
public sealed class CreateDeploymentRequest
{
    public string Name { get; set; } = string.Empty;

    public string PackageUrl { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    /// <summary>The service configuration as XML text; its body carries it base64-encoded.</summary>
    public string Configuration { get; set; } = string.Empty;

    public bool? StartDeployment { get; set; }

    public bool? TreatWarningsAsError { get; set; }

    public List<ExtendedProperty> ExtendedProperties { get; set; } = new List<ExtendedProperty>();

    public ExtensionConfiguration? ExtensionConfiguration { get; set; }

    /// <summary>Throws RequestValidationException naming the first property the service would reject.</summary>
    public void Validate()
    {
        RequestRules.Name(Name, nameof(Name));
        RequestRules.PackageUrl(PackageUrl);
        RequestRules.Label(Label);
        RequestRules.Configuration(Configuration);
        RequestRules.ExtendedProperties(ExtendedProperties);
        RequestRules.ExtensionConfiguration(ExtensionConfiguration);
    }
}
