using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ClassicDeploy.Emulator.State;

/// <summary>How the instances of a package behave once started, chosen by its package URL.</summary>
public enum PackageBehavior
{
    /// <summary>Instances start and become ReadyRole after the instance start time.</summary>
    Healthy,
    /// <summary>Instances never become ReadyRole: they cycle through BusyRole, RestartingRole and UnresponsiveRole.</summary>
    Crash,
    /// <summary>An update or creation with this package ends Failed (HttpStatusCode 400); the deployment is unchanged.</summary>
    Invalid,
    /// <summary>Instances take ten times the instance start time to become ReadyRole.</summary>
    Slow,
}

/// <summary>A wildcard (<c>*</c> any run, <c>?</c> one character) matched against the whole package URL, letter case ignored.</summary>
public sealed record PackageBehaviorRule(string Pattern, PackageBehavior Behavior)
{
    /// <summary>Parses <c>PATTERN=BEHAVIOR</c>; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static PackageBehaviorRule Parse(string text)
    {
        int equals = (text ?? throw new ArgumentNullException(nameof(text))).LastIndexOf('=');
        if (equals <= 0 || equals == text.Length - 1)
        {
            throw new ArgumentException($"'{text}' is not PATTERN=BEHAVIOR (for example *bad*=Crash).");
        }

        return new PackageBehaviorRule(text.Substring(0, equals), ParseBehavior(text.Substring(equals + 1)));
    }

    public static PackageBehavior ParseBehavior(string text) =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out PackageBehavior behavior) && Enum.IsDefined(behavior) && !int.TryParse(text, out _)
            ? behavior
            : throw new ArgumentException($"'{text}' is not a package behavior; use Healthy, Crash, Invalid or Slow.");
}

/// <summary>The first rule whose pattern matches a package URL decides its behavior; no match is Healthy.</summary>
internal sealed class PackageBehaviors
{
    private readonly List<(Regex Pattern, PackageBehavior Behavior)> _rules;

    public PackageBehaviors(IEnumerable<PackageBehaviorRule>? rules) =>
        _rules = (rules ?? Enumerable.Empty<PackageBehaviorRule>()).Select(r => (Wildcard(r.Pattern), r.Behavior)).ToList();

    public PackageBehavior Of(string packageUrl)
    {
        foreach ((Regex pattern, PackageBehavior behavior) in _rules)
        {
            if (pattern.IsMatch(packageUrl))
            {
                return behavior;
            }
        }

        return PackageBehavior.Healthy;
    }

    private static Regex Wildcard(string pattern) => new(
        "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline,
        TimeSpan.FromSeconds(1));
}
