using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Xml;

namespace ClassicDeploy.Models;

/// <summary>The checks request models run before anything is sent; each names the property it guards.</summary>
internal static class RequestRules
{
    public const int MaxLabelLength = 100;
    public const int MaxExtendedProperties = 25;
    public const int MaxExtendedPropertyValueLength = 255;
    public const int MaxNameLength = 63;

    private static readonly Regex ExtendedPropertyName = new Regex("^[A-Za-z][A-Za-z0-9_]{0,63}\\z", RegexOptions.CultureInvariant);
    private static readonly Regex ResourceName = new Regex("^[A-Za-z0-9-]+\\z", RegexOptions.CultureInvariant);
    private static readonly string[] ExtensionStates = { "Enable", "Disable", "Uninstall" };

    public static RequestValidationException Fail(string property, string message) =>
        new RequestValidationException(message, property);

    public static void Label(string? label, string property = "Label")
    {
        if (string.IsNullOrEmpty(label))
        {
            throw Fail(property, property + " is required.");
        }

        if (label!.Length > MaxLabelLength)
        {
            throw Fail(property, string.Format(CultureInfo.InvariantCulture, "{0} must be at most {1} characters; it has {2}.", property, MaxLabelLength, label.Length));
        }
    }

    /// <summary>Service and deployment names: letters, digits and hyphens, at most 63 characters.</summary>
    public static void Name(string? name, string property)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw Fail(property, property + " is required.");
        }

        if (name!.IndexOf('/') >= 0)
        {
            throw Fail(property, property + " must not contain '/': '" + name + "'.");
        }

        if (name.Length > MaxNameLength)
        {
            throw Fail(property, string.Format(CultureInfo.InvariantCulture, "{0} must be at most {1} characters; it has {2}.", property, MaxNameLength, name.Length));
        }

        if (!ResourceName.IsMatch(name))
        {
            throw Fail(property, property + " may contain only letters, digits and hyphens: '" + Printable(name) + "'.");
        }
    }

    /// <summary>A value that is required and will be written as element text.</summary>
    public static void Required(string? value, string property)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw Fail(property, property + " is required.");
        }

        XmlText(value, property);
    }

    public static void PackageUrl(string? url, string property = "PackageUrl")
    {
        if (string.IsNullOrEmpty(url))
        {
            throw Fail(property, property + " is required.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Fail(property, property + " must be an absolute http or https URI.");
        }

        XmlText(url, property);
    }

    /// <summary>Configuration: required, well-formed XML (no DTD). Never echoes the configuration's content.</summary>
    public static void Configuration(string? configuration, string property = "Configuration")
    {
        if (string.IsNullOrEmpty(configuration) || configuration!.Trim().Length == 0)
        {
            throw Fail(property, property + " is required.");
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using (var reader = XmlReader.Create(new StringReader(configuration), settings))
            {
                while (reader.Read())
                {
                }
            }
        }
        catch (XmlException ex)
        {
            throw Fail(property, string.Format(CultureInfo.InvariantCulture, "{0} must be well-formed XML: line {1}, position {2} is not valid.", property, ex.LineNumber, ex.LinePosition));
        }
    }

    public static void Mode(UpgradeMode mode, bool simultaneousAllowed, string operation)
    {
        bool ok = mode == UpgradeMode.Auto || mode == UpgradeMode.Manual || (simultaneousAllowed && mode == UpgradeMode.Simultaneous);
        if (!ok)
        {
            string allowed = simultaneousAllowed ? "Auto, Manual or Simultaneous" : "Auto or Manual";
            throw Fail("Mode", "Mode must be " + allowed + " for " + operation + "; it is " + mode + ".");
        }
    }

    public static void ExtendedProperties(IList<ExtendedProperty>? properties, string property = "ExtendedProperties")
    {
        if (properties == null)
        {
            return;
        }

        if (properties.Count > MaxExtendedProperties)
        {
            throw Fail(property, string.Format(CultureInfo.InvariantCulture, "{0} must have at most {1} entries; it has {2}.", property, MaxExtendedProperties, properties.Count));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (ExtendedProperty? p in properties)
        {
            if (p == null)
            {
                throw Fail(property, property + " must not contain a null entry.");
            }

            if (p.Name == null || !ExtendedPropertyName.IsMatch(p.Name))
            {
                throw Fail(property, property + " name '" + Printable(p.Name) + "' is not valid: a name starts with a letter, has only letters, digits and underscores, and is at most 64 characters.");
            }

            if (!seen.Add(p.Name))
            {
                throw Fail(property, property + " name '" + p.Name + "' is used more than once.");
            }

            if (p.Value != null && p.Value.Length > MaxExtendedPropertyValueLength)
            {
                throw Fail(property, string.Format(CultureInfo.InvariantCulture, "{0} value of '{1}' must be at most {2} characters; it has {3}.", property, p.Name, MaxExtendedPropertyValueLength, p.Value.Length));
            }

            XmlText(p.Value, property, "value of '" + p.Name + "'");
        }
    }

    public static void ExtensionConfiguration(ExtensionConfiguration? configuration, string property = "ExtensionConfiguration")
    {
        if (configuration == null)
        {
            return;
        }

        foreach (ExtensionReference? e in configuration.AllRoles ?? new List<ExtensionReference>())
        {
            Extension(e, property);
        }

        foreach (RoleExtensions? role in configuration.NamedRoles ?? new List<RoleExtensions>())
        {
            if (role == null || string.IsNullOrEmpty(role.RoleName))
            {
                throw Fail(property, property + " has a named role without a RoleName.");
            }

            XmlText(role.RoleName, property, "RoleName");
            if (role.Extensions == null || role.Extensions.Count == 0)
            {
                throw Fail(property, property + " role '" + role.RoleName + "' has no extensions.");
            }

            foreach (ExtensionReference? e in role.Extensions)
            {
                Extension(e, property);
            }
        }
    }

    /// <summary>Rejects characters XML 1.0 cannot carry (most control characters, lone surrogates).</summary>
    public static void XmlText(string? value, string property, string? what = null)
    {
        if (value == null)
        {
            return;
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            bool ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok)
            {
                string subject = what == null ? property : property + " " + what;
                throw Fail(property, string.Format(CultureInfo.InvariantCulture, "{0} contains the character U+{1:X4} at position {2}, which XML cannot carry.", subject, (int)c, i));
            }
        }
    }

    private static void Extension(ExtensionReference? extension, string property)
    {
        if (extension == null || string.IsNullOrEmpty(extension.Id))
        {
            throw Fail(property, property + " has an extension without an Id.");
        }

        XmlText(extension.Id, property, "extension Id");
        if (extension.State != null && Array.IndexOf(ExtensionStates, extension.State) < 0)
        {
            throw Fail(property, property + " extension '" + extension.Id + "' has State '" + Printable(extension.State) + "'; it must be Enable, Disable or Uninstall.");
        }
    }

    private static string Printable(string? value)
    {
        if (value == null)
        {
            return string.Empty;
        }

        var chars = value.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }
}
