using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace ClassicDeploy.Emulator.State;

/// <summary>Reads the roles of a ServiceConfiguration document, matching on local names in any namespace.</summary>
internal static class ServiceConfiguration
{
    /// <summary>The service's limit of web and worker roles per deployment.</summary>
    public const int MaxRolesPerDeployment = 25;

    /// <summary>The emulator's bound per role (the service bounds instances only through the subscription's cores quota).</summary>
    public const int MaxInstancesPerRole = 1000;

    /// <summary>
    /// The maximum of the classic cores quota per subscription (10,000), with one core per emulated (Small)
    /// instance: no deployment can hold more.
    /// </summary>
    public const int MaxInstancesPerDeployment = 10000;

    public static List<RoleSpec> ReadRoles(string configuration)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(configuration);
        }
        catch (XmlException)
        {
            throw Errors.BadRequest("The configuration is not a valid ServiceConfiguration XML document.");
        }

        string osVersion = Attribute(document.Root!, "osVersion") ?? "*";
        var roles = new List<RoleSpec>();
        foreach (XElement role in document.Root!.Elements().Where(e => e.Name.LocalName == "Role"))
        {
            string? name = Attribute(role, "name");
            XElement? instances = role.Elements().FirstOrDefault(e => e.Name.LocalName == "Instances");
            string? countText = instances is null ? null : Attribute(instances, "count");
            if (string.IsNullOrEmpty(name) || countText is null
                || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
            {
                throw Errors.BadRequest("Each Role of the configuration needs a name and <Instances count=\"n\"/> with n of at least 1.");
            }

            roles.Add(new RoleSpec { Name = name!, InstanceCount = count, OsVersion = Attribute(role, "osVersion") ?? osVersion });
        }

        if (roles.Count == 0)
        {
            throw Errors.BadRequest("The configuration defines no roles.");
        }

        RequireWithinQuota(roles);

        return roles;
    }

    /// <summary>400 beyond the role and instance bounds, so no answer ever renders more than 10,000 instances.</summary>
    private static void RequireWithinQuota(IReadOnlyList<RoleSpec> roles)
    {
        if (roles.Count > MaxRolesPerDeployment)
        {
            throw Errors.BadRequest(
                "The configuration defines " + roles.Count + " roles; a deployment has at most " + MaxRolesPerDeployment + " web and worker roles.");
        }

        long total = 0;
        foreach (RoleSpec role in roles)
        {
            if (role.InstanceCount > MaxInstancesPerRole)
            {
                throw Errors.BadRequest(
                    "The configuration asks for " + role.InstanceCount + " instances of role " + role.Name + "; a role has at most " + MaxInstancesPerRole + " instances.");
            }

            total += role.InstanceCount;
        }

        if (total > MaxInstancesPerDeployment)
        {
            throw Errors.BadRequest(
                "The configuration asks for " + total + " instances in all; a deployment has at most " + MaxInstancesPerDeployment
                + " (the classic cores quota's maximum at one core per instance).");
        }
    }

    public static void RequireSameRoles(IReadOnlyList<RoleSpec> deployed, IReadOnlyList<RoleSpec> proposed)
    {
        var expected = deployed.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var actual = proposed.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
        if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            throw Errors.BadRequest(
                "The configuration roles do not match the deployment's roles: expected "
                + string.Join(", ", expected) + "; got " + string.Join(", ", actual) + ".");
        }
    }

    private static string? Attribute(XElement element, string localName) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName == localName)?.Value;
}
