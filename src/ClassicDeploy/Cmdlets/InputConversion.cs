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
    /// -Configuration is the XML text, or a path to a .cscfg file: a value that does not look
    /// like XML and resolves (through the provider, so relative to the current location) to an
    /// existing file is read. Anything else is passed on for the request to validate.
    /// </summary>
    public static string Configuration(PSCmdlet cmdlet, string value)
    {
        if (value.TrimStart().StartsWith("<", StringComparison.Ordinal))
        {
            return value;
        }

        try
        {
            foreach (string path in cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(value, out ProviderInfo provider))
            {
                if (string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase) && File.Exists(path))
                {
                    return File.ReadAllText(path);
                }
            }
        }
        catch (Exception exception) when (exception is ItemNotFoundException || exception is ProviderNotFoundException
            || exception is System.Management.Automation.DriveNotFoundException || exception is PSArgumentException || exception is NotSupportedException
            || exception is ArgumentException || exception is IOException || exception is UnauthorizedAccessException)
        {
        }

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
