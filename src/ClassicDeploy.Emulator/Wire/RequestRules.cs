using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Xml;
using ClassicDeploy.Emulator.State;

namespace ClassicDeploy.Emulator.Wire;

/// <summary>Shared pieces of the request bodies: modes, labels, URLs, extended properties, extensions.</summary>
internal static class RequestRules
{
    public const int MaxExtendedProperties = 25;
    public const int MaxExtendedPropertyValue = 255;
    public const int MaxLabel = 100;
    public const int MaxDescription = 1024;

    private const int MaxConfigurationDepth = 32;

    private static readonly XmlReaderSettings ConfigurationSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
    };

    private static readonly Regex PropertyName = new("^[A-Za-z][A-Za-z0-9_]{0,63}\\z", RegexOptions.CultureInvariant);

    /// <summary>Auto, Manual or Simultaneous (any letter case); others are 400 BadRequest.</summary>
    public static UpgradeMode ParseMode(string text, string version, bool simultaneousAllowed, string operation)
    {
        var trimmed = text.Trim();
        if (string.Equals(trimmed, "Auto", StringComparison.OrdinalIgnoreCase))
        {
            return UpgradeMode.Auto;
        }

        if (string.Equals(trimmed, "Manual", StringComparison.OrdinalIgnoreCase))
        {
            return UpgradeMode.Manual;
        }

        if (string.Equals(trimmed, "Simultaneous", StringComparison.OrdinalIgnoreCase))
        {
            if (!simultaneousAllowed)
            {
                throw Errors.BadRequest($"The mode Simultaneous is not allowed for {operation}.");
            }

            ApiVersions.Require(version, ApiVersions.Simultaneous, "Mode Simultaneous");
            return UpgradeMode.Simultaneous;
        }

        throw Errors.BadRequest($"The value of Mode is not valid: '{trimmed}'. Valid values are Auto, Manual{(simultaneousAllowed ? " and Simultaneous" : string.Empty)}.");
    }

    public static string ParseLabel(string base64)
    {
        var label = XmlRequestReader.ParseBase64Text("Label", base64);
        if (label.Length == 0 || label.Length > MaxLabel)
        {
            throw Errors.BadRequest($"The label must be 1 to {MaxLabel} characters long.");
        }

        return label;
    }

    public static string ParseConfiguration(string base64)
    {
        // A configuration file's UTF-8 byte order mark is not part of the document.
        var configuration = XmlRequestReader.ParseBase64Text("Configuration", base64).TrimStart('\uFEFF');
        if (configuration.Trim().Length == 0)
        {
            throw Errors.BadRequest("The configuration is empty.");
        }

        RequireSafeXml(configuration);
        return configuration;
    }

    /// <summary>The configuration must be well-formed XML without a DTD and no deeper than the real schema needs.</summary>
    private static void RequireSafeXml(string configuration)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(configuration), ConfigurationSettings);
            while (reader.Read())
            {
                if (reader.Depth > MaxConfigurationDepth)
                {
                    throw Errors.BadRequest($"The configuration is nested deeper than {MaxConfigurationDepth} levels.");
                }
            }
        }
        catch (XmlException)
        {
            throw Errors.BadRequest("The configuration is not a valid ServiceConfiguration XML document.");
        }
    }

    public static string ParsePackageUrl(string text)
    {
        var trimmed = text.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Errors.BadRequest("The PackageUrl must be an absolute http or https URL.");
        }

        return trimmed;
    }

    /// <summary>Reads ExtendedProperties (if present) and applies the service's rules.</summary>
    public static IReadOnlyList<ExtendedPropertyValue> ReadExtendedProperties(XmlRequestReader reader, string version)
    {
        if (!reader.Enter("ExtendedProperties"))
        {
            return Array.Empty<ExtendedPropertyValue>();
        }

        var result = new List<ExtendedPropertyValue>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Enter("ExtendedProperty"))
        {
            ApiVersions.Require(version, ApiVersions.ExtendedProperties, "ExtendedProperty");
            var name = reader.Required("Name");
            var value = reader.Optional("Value");
            reader.Leave();
            if (!PropertyName.IsMatch(name))
            {
                throw Errors.BadRequest(
                    $"The extended property name '{name}' is not valid: it must start with a letter, contain only letters, digits and underscores, and be at most 64 characters long.");
            }

            if (!names.Add(name))
            {
                throw Errors.BadRequest($"The extended property name '{name}' appears more than once.");
            }

            if (value is not null && value.Length > MaxExtendedPropertyValue)
            {
                throw Errors.BadRequest($"The value of the extended property '{name}' is longer than {MaxExtendedPropertyValue} characters.");
            }

            result.Add(new ExtendedPropertyValue(name, value));
            if (result.Count > MaxExtendedProperties)
            {
                throw Errors.BadRequest($"At most {MaxExtendedProperties} extended properties are allowed.");
            }
        }

        reader.Leave();
        return result;
    }

    /// <summary>Reads ExtensionConfiguration (if present) for structure and version; the emulator keeps no extensions.</summary>
    public static void ReadExtensionConfiguration(XmlRequestReader reader, string version)
    {
        if (!reader.Enter("ExtensionConfiguration"))
        {
            return;
        }

        ApiVersions.Require(version, ApiVersions.ExtensionConfiguration, "ExtensionConfiguration");
        if (reader.Enter("AllRoles"))
        {
            ReadExtensions(reader, version);
            reader.Leave();
        }

        if (reader.Enter("NamedRoles"))
        {
            while (reader.Enter("Role"))
            {
                reader.Required("RoleName");
                if (!reader.Enter("Extensions"))
                {
                    throw Errors.InvalidXml("The required element Extensions is missing or out of order.");
                }

                ReadExtensions(reader, version);
                reader.Leave();
                reader.Leave();
            }

            reader.Leave();
        }

        reader.Leave();
    }

    private static void ReadExtensions(XmlRequestReader reader, string version)
    {
        while (reader.Enter("Extension"))
        {
            reader.Required("Id");
            var state = reader.Optional("State");
            if (state is not null)
            {
                ApiVersions.Require(version, ApiVersions.ExtensionState, "State");
                var s = state.Trim();
                if (s != "Enable" && s != "Disable" && s != "Uninstall")
                {
                    throw Errors.BadRequest($"The extension state '{s}' is not valid. Valid values are Enable, Disable and Uninstall.");
                }
            }

            reader.Leave();
        }
    }
}
