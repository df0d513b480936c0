namespace ClassicDeploy.Models;

/// <summary>One role of a deployment (RoleList).</summary>
public sealed class Role
{
    public string RoleName { get; set; } = string.Empty;

    public string? OsVersion { get; set; }

    /// <summary>The role name, with its OS version when known.</summary>
    public override string ToString() => string.IsNullOrEmpty(OsVersion) ? RoleName : $"{RoleName} ({OsVersion})";
}
