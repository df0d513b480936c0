using System;
using System.Globalization;
using System.Management.Automation;

namespace ClassicDeploy.Tests.Infrastructure;

/// <summary>Reads output objects the way a script would ($o.Name), without depending on which copy of the module's types is loaded.</summary>
public static class PSObjectExtensions
{
    /// <summary>The property's value (unwrapped), or null; fails when the object has no such property.</summary>
    public static object? Prop(this PSObject value, string name)
    {
        PSPropertyInfo? property = value.Properties[name]
            ?? throw new Xunit.Sdk.XunitException($"{value.BaseObject.GetType().FullName} has no property '{name}'.");
        object? raw = property.Value;
        return raw is PSObject wrapped ? wrapped.BaseObject : raw;
    }

    /// <summary>The property as text (enums by name), or null.</summary>
    public static string? Text(this PSObject value, string name) =>
        Convert.ToString(value.Prop(name), CultureInfo.InvariantCulture);

    /// <summary>The property as a PSObject, for nested objects (UpgradeStatus, RoleInstances…).</summary>
    public static PSObject? Nested(this PSObject value, string name) =>
        value.Prop(name) is { } nested ? PSObject.AsPSObject(nested) : null;

    /// <summary>The name of the .NET type behind the object.</summary>
    public static string TypeName(this PSObject value) => value.BaseObject.GetType().FullName ?? string.Empty;
}
