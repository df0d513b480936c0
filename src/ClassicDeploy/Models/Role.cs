namespace ClassicDeploy.Models
{
    /// <summary>One role of a deployment (RoleList).</summary>
    public sealed class Role
    {
        public string RoleName { get; set; } = string.Empty;

        public string? OsVersion { get; set; }
    }
}
