using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ClassicDeploy.Session;

namespace ClassicDeploy.Completion;

/// <summary>What the completers share: which context, which bound value, which names match.</summary>
internal static class CompletionHelper
{
    /// <summary>The -Context the user typed, else the runspace's default context, else null.</summary>
    internal static ClassicDeployContext? Context(IDictionary? fakeBoundParameters)
    {
        try
        {
            return Bound(fakeBoundParameters, "Context") as ClassicDeployContext ?? ContextStore.Current;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>A parameter value the user already typed, unwrapped from its PSObject.</summary>
    internal static object? Bound(IDictionary? fakeBoundParameters, string name)
    {
        if (fakeBoundParameters == null || !fakeBoundParameters.Contains(name))
        {
            return null;
        }

        object? value = fakeBoundParameters[name];
        return value is PSObject wrapped ? wrapped.BaseObject : value;
    }

    internal static IEnumerable<CompletionResult> Complete(IEnumerable<NameEntry> names, string? wordToComplete)
    {
        string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var pattern = new WildcardPattern(word + "*", WildcardOptions.IgnoreCase);
        return names
            .Where(n => pattern.IsMatch(n.Name))
            .OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase)
            .Select(n => new CompletionResult(Quote(n.Name), n.Name, CompletionResultType.ParameterValue, n.ToolTip));
    }

    internal static string Quote(string name)
    {
        bool plain = name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
        return plain ? name : "'" + name.Replace("'", "''") + "'";
    }
}
