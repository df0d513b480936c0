using System;

namespace ClassicDeploy.Models;

/// <summary>A hosted (cloud) service, with its deployments when asked for embed-detail.</summary>
public sealed class CloudService
{
    public string ServiceName { get; set; } = string.Empty;

    public Uri? Url { get; set; }

    public string? Label { get; set; }

    public string? Description { get; set; }

    public string? Location { get; set; }

    public string? AffinityGroup { get; set; }

    public string? Status { get; set; }

    public DateTime? DateCreated { get; set; }

    public DateTime? DateLastModified { get; set; }

    public ExtendedProperty[] ExtendedProperties { get; set; } = Array.Empty<ExtendedProperty>();

    public Deployment[] Deployments { get; set; } = Array.Empty<Deployment>();
}
