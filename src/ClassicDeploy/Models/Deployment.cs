using System;
using System.Linq;

namespace ClassicDeploy.Models;

/// <summary>A deployment as Get Deployment returns it; Label and Configuration decoded to text.</summary>
public sealed class Deployment
{
    public string ServiceName { get; set; } = string.Empty;

    public string DeploymentName { get; set; } = string.Empty;

    public DeploymentSlot Slot { get; set; }

    public string PrivateId { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;

    public Uri? Url { get; set; }

    public string Configuration { get; set; } = string.Empty;

    public RoleInstance[] RoleInstances { get; set; } = Array.Empty<RoleInstance>();

    public Role[] Roles { get; set; } = Array.Empty<Role>();

    /// <summary>Present only while an update is in progress.</summary>
    public UpgradeStatus? UpgradeStatus { get; set; }

    public int UpgradeDomainCount { get; set; }

    public string? SdkVersion { get; set; }

    public bool Locked { get; set; }

    public bool RollbackAllowed { get; set; }

    public DateTime? CreatedTime { get; set; }

    public DateTime? LastModifiedTime { get; set; }

    public ExtendedProperty[] ExtendedProperties { get; set; } = Array.Empty<ExtendedProperty>();

    /// <summary>Role instances whose InstanceStatus is ReadyRole.</summary>
    public int InstancesReady => RoleInstances.Count(i => string.Equals(i.InstanceStatus, "ReadyRole", StringComparison.Ordinal));

    public int InstancesTotal => RoleInstances.Length;
}
