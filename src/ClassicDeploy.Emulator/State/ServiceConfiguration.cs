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

        return roles;
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
