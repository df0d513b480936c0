using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>Turns what users type into what the requests take. Runs on the pipeline thread.</summary>
internal static class InputConversion
{
    /// <summary>
    /// -Configuration is the XML text, or a path to a .cscfg file: a value without a "&lt;" is a
    /// path, resolved through the provider (so relative to the current location) and read. A path
    /// that names no file stops the command with ConfigurationFileNotFound and the resolved path,
    /// before any request; the parameter is the same for every pipeline item.
    /// </summary>
    public static string Configuration(PSCmdlet cmdlet, string value)
    {
        if (value.IndexOf('<') >= 0)
        {
            return value;
        }

        string shown = value;
        try
        {
            shown = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(value);
            foreach (string path in cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(value, out ProviderInfo provider))
            {
                if (string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase) && File.Exists(path))
                {
                    return File.ReadAllText(path);
                }

                shown = path;
            }
        }
        catch (Exception exception) when (exception is ItemNotFoundException || exception is ProviderNotFoundException
            || exception is System.Management.Automation.DriveNotFoundException || exception is PSArgumentException || exception is NotSupportedException
            || exception is ArgumentException || exception is IOException || exception is UnauthorizedAccessException)
        {
        }

        string message = string.IsNullOrWhiteSpace(value)
            ? "-Configuration is empty: give the XML text of a service configuration (.cscfg) or the path of one."
            : $"Configuration file not found: {shown}. -Configuration takes the XML text of a service configuration (.cscfg) or the path of one.";
        cmdlet.ThrowTerminatingError(new ErrorRecord(
            new ClassicDeployException("ConfigurationFileNotFound", ErrorCategory.ObjectNotFound, message),
            ErrorRecords.Prefix + "ConfigurationFileNotFound",
            ErrorCategory.ObjectNotFound,
            value));
        return value;
    }

    /// <summary>
    /// -ExtendedProperty @{ Name = 'Value' } as the API's list. An ordered dictionary keeps its
    /// order; a plain hashtable is sorted by name so requests are reproducible.
    /// </summary>
    public static List<ExtendedProperty> ExtendedProperties(IDictionary? table)
    {
        var list = new List<ExtendedProperty>();
        if (table is null)
        {
            return list;
        }

        IEnumerable<DictionaryEntry> entries = table.Cast<DictionaryEntry>();
        if (table is Hashtable)
        {
            entries = entries.OrderBy(e => Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        }

        foreach (DictionaryEntry entry in entries)
        {
            list.Add(new ExtendedProperty(
                Convert.ToString(Unwrap(entry.Key), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                Convert.ToString(Unwrap(entry.Value), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return list;
    }

    /// <summary>The default label of an upgrade: when and by what it was made.</summary>
    public static string UpgradeLabel(DateTime utcNow) =>
        "ClassicDeploy upgrade " + utcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;
}
