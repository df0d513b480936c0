using System;
using System.Text;

namespace ClassicDeploy.Shell;

/// <summary>ANSI escape sequences for colours and line control.</summary>
public static class Ansi
{
    public const string Reset = "\u001b[0m";
    public const string ClearLine = "\r\u001b[2K";

    public static string CursorUp(int lines) => lines > 0 ? $"\u001b[{lines}A" : string.Empty;

    public static string Color(ConsoleColor? foreground, ConsoleColor? background)
    {
        var sb = new StringBuilder();
        if (foreground.HasValue)
        {
            sb.Append("\u001b[").Append(Code(foreground.Value)).Append('m');
        }

        if (background.HasValue)
        {
            sb.Append("\u001b[").Append(Code(background.Value) + 10).Append('m');
        }

        return sb.ToString();
    }

    private static int Code(ConsoleColor color) => color switch
    {
        ConsoleColor.Black => 30,
        ConsoleColor.DarkRed => 31,
        ConsoleColor.DarkGreen => 32,
        ConsoleColor.DarkYellow => 33,
        ConsoleColor.DarkBlue => 34,
        ConsoleColor.DarkMagenta => 35,
        ConsoleColor.DarkCyan => 36,
        ConsoleColor.Gray => 37,
        ConsoleColor.DarkGray => 90,
        ConsoleColor.Red => 91,
        ConsoleColor.Green => 92,
        ConsoleColor.Yellow => 93,
        ConsoleColor.Blue => 94,
        ConsoleColor.Magenta => 95,
        ConsoleColor.Cyan => 96,
        _ => 97,
    };
}
