using System.Globalization;
using System.Text;

namespace ClassicDeploy.Emulator.Http;

/// <summary>Makes request data safe for a log line: no control character can start a forged line or reach the terminal.</summary>
internal static class LogText
{
    /// <summary>
    /// Control characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides become <c>\uXXXX</c>,
    /// and a backslash becomes <c>\\</c>, so an escaped line cannot be forged either.
    /// </summary>
    public static string Escape(string text)
    {
        if (!NeedsEscape(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c == '\\')
            {
                result.Append(@"\\");
            }
            else if (IsUnsafe(c))
            {
                result.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static bool NeedsEscape(string text)
    {
        foreach (var c in text)
        {
            if (c == '\\' || IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
