using System.Collections.Generic;

namespace ClassicDeploy.Models;

/// <summary>An extension (already added to the cloud service) to apply, with an optional State.</summary>
public sealed class ExtensionReference
{
    public ExtensionReference()
    {
    }

    public ExtensionReference(string id, string? state = null)
    {
        Id = id;
        State = state;
    }

    public string Id { get; set; } = string.Empty;

    /// <summary>Enable, Disable or Uninstall; null omits the element.</summary>
    public string? State { get; set; }
}

/// <summary>The extensions of one named role.</summary>
public sealed class RoleExtensions
{
    public string RoleName { get; set; } = string.Empty;

    public List<ExtensionReference> Extensions { get; set; } = new List<ExtensionReference>();
}

/// <summary>The ExtensionConfiguration element: extensions for all roles and for named roles.</summary>
public sealed class ExtensionConfiguration
{
    public List<ExtensionReference> AllRoles { get; set; } = new List<ExtensionReference>();

    public List<RoleExtensions> NamedRoles { get; set; } = new List<RoleExtensions>();
}
