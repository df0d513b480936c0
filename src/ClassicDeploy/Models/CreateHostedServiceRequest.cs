using System;
using System.Collections.Generic;

namespace ClassicDeploy.Models;

/// <summary>Body of Create Hosted Service.</summary>
public sealed class CreateHostedServiceRequest
{
    public string ServiceName { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string? Location { get; set; }

    public string? AffinityGroup { get; set; }

    public List<ExtendedProperty> ExtendedProperties { get; set; } = new List<ExtendedProperty>();

    /// <summary>Throws RequestValidationException naming the first property the service would reject.</summary>
    public void Validate()
    {
        RequestRules.Name(ServiceName, nameof(ServiceName));
        RequestRules.Label(Label);
        RequestRules.XmlText(Description, nameof(Description));
        RequestRules.XmlText(Location, nameof(Location));
        RequestRules.XmlText(AffinityGroup, nameof(AffinityGroup));
        if (!string.IsNullOrEmpty(Location) && !string.IsNullOrEmpty(AffinityGroup))
        {
            throw RequestRules.Fail(nameof(AffinityGroup), "AffinityGroup and Location cannot both be given; choose one.");
        }

        RequestRules.ExtendedProperties(ExtendedProperties);
    }
}
