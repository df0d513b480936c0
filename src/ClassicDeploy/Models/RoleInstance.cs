namespace ClassicDeploy.Models;

/// <summary>One role instance of a deployment.</summary>
public sealed class RoleInstance
{
    public string ServiceName { get; set; } = string.Empty;

    public string DeploymentName { get; set; } = string.Empty;

    public string RoleName { get; set; } = string.Empty;

    public string InstanceName { get; set; } = string.Empty;

    public string InstanceStatus { get; set; } = string.Empty;

    public int InstanceUpgradeDomain { get; set; }

    public int InstanceFaultDomain { get; set; }

    public string? InstanceSize { get; set; }

    public string? InstanceStateDetails { get; set; }

    public string? InstanceErrorCode { get; set; }

    public string? IpAddress { get; set; }

    public string? PowerState { get; set; }

    public string? HostName { get; set; }

    /// <summary>"WebRole1_IN_0 (WebRole1, ReadyRole, upgrade domain 0)": what string interpolation shows.</summary>
    public override string ToString() =>
        $"{InstanceName} ({RoleName}, {InstanceStatus}, upgrade domain {InstanceUpgradeDomain})";
}
