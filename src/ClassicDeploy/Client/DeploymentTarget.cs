using System;
using ClassicDeploy.Models;

namespace ClassicDeploy.Client;

/// <summary>A deployment addressed by slot (…/deploymentslots/production) or by name (…/deployments/name).</summary>
public sealed class DeploymentTarget
{
    public string ServiceName { get; set; } = string.Empty;

    public DeploymentSlot? Slot { get; set; }

    public string? DeploymentName { get; set; }

    public static DeploymentTarget BySlot(string service, DeploymentSlot slot) =>
        new DeploymentTarget { ServiceName = service ?? throw new ArgumentNullException(nameof(service)), Slot = slot };

    public static DeploymentTarget ByName(string service, string name) =>
        new DeploymentTarget
        {
            ServiceName = service ?? throw new ArgumentNullException(nameof(service)),
            DeploymentName = name ?? throw new ArgumentNullException(nameof(name)),
        };

    public override string ToString() =>
        DeploymentName != null ? ServiceName + "/" + DeploymentName : ServiceName + "/" + Slot;
}
