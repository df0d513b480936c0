using System.Text.RegularExpressions;

namespace ClassicDeploy.Emulator.Wire;

/// <summary>
/// The character sets of the names in paths and bodies. All are ASCII, so a name compares with another ordinally
/// ignoring ASCII case only, and no Unicode case folding (the Kelvin sign U+212A lowercasing to k) can alias two names.
/// </summary>
internal static class Names
{
    private static readonly Regex SubscriptionId = new("^[A-Za-z0-9-]{1,64}$", RegexOptions.CultureInvariant);
    private static readonly Regex ServiceName = new("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$", RegexOptions.CultureInvariant);
    private static readonly Regex DeploymentName = new("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant);
    private static readonly Regex OperationId = new("^[A-Za-z0-9-]{1,64}$", RegexOptions.CultureInvariant);

    /// <summary>Letters, digits and hyphens, at most 64 (a GUID in practice).</summary>
    public static bool IsSubscriptionId(string text) => SubscriptionId.IsMatch(text);

    /// <summary>1 to 63 letters, digits and hyphens, starting and ending with a letter or digit (a DNS label).</summary>
    public static bool IsServiceName(string text) => ServiceName.IsMatch(text);

    /// <summary>1 to 100 letters, digits, hyphens, underscores and periods, starting with a letter or digit: no '/', no "..".</summary>
    public static bool IsDeploymentName(string text) => DeploymentName.IsMatch(text);

    /// <summary>A request id: letters, digits and hyphens, at most 64.</summary>
    public static bool IsOperationId(string text) => OperationId.IsMatch(text);
}
