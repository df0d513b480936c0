using System;

namespace ClassicDeploy.Models;

/// <summary>
/// Operation ids come in two forms for the same 32 hex digits: x-ms-request-id without dashes,
/// Get Operation Status' and List Subscription Operations' &lt;ID&gt; as a GUID with dashes.
/// </summary>
public static class OperationIds
{
    /// <summary>The 32-hex-digit form (lower case) of a GUID-shaped id; anything else as given.</summary>
    public static string Normalize(string? id)
    {
        if (id == null)
        {
            return string.Empty;
        }

        string trimmed = id.Trim();
        return Guid.TryParseExact(trimmed, "N", out Guid plain) ? plain.ToString("N")
            : Guid.TryParseExact(trimmed, "D", out Guid dashed) ? dashed.ToString("N")
            : trimmed;
    }

    /// <summary>Whether two ids name the same operation, dashes and letter case ignored.</summary>
    public static bool Same(string? a, string? b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);
}
