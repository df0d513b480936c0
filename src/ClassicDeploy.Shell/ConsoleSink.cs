using System;
using System.IO;
using System.Text.RegularExpressions;

namespace ClassicDeploy.Shell;

/// <summary>
/// The one place that writes to the terminal: colours text with ANSI codes when writing to a
/// terminal, and clears and redraws the progress block around every write.
/// </summary>
public sealed class ConsoleSink
{
    private static readonly Regex Escape = new("\u001b\\[[0-9;?]*[A-Za-z]", RegexOptions.Compiled);
    private readonly object gate = new();
    private readonly TextWriter output;
    private readonly TextWriter error;

    public ConsoleSink(TextWriter output, TextWriter error, bool isTerminal, bool useColor)
    {
        this.output = output;
        this.error = error;
        IsTerminal = isTerminal;
        UseColor = useColor;
        Progress = new ProgressRenderer(this);
    }

    /// <summary>The real console: a terminal unless stdout is redirected; colour unless NO_COLOR is set.</summary>
    public static ConsoleSink FromConsole()
    {
        bool terminal = !Console.IsOutputRedirected;
        bool color = terminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return new ConsoleSink(Console.Out, Console.Error, terminal, color);
    }

    public bool IsTerminal { get; }

    public bool UseColor { get; }

    public ProgressRenderer Progress { get; }

    public object Gate => gate;

    public TextWriter Output => output;

    /// <summary>Writes text to stdout (or stderr), coloured only when colour is on; never breaks the progress block.</summary>
    public void Write(string text, ConsoleColor? foreground = null, ConsoleColor? background = null, bool toError = false)
    {
        lock (gate)
        {
            Progress.ClearLocked();
            TextWriter writer = toError ? error : output;
            if (UseColor && (foreground.HasValue || background.HasValue))
            {
                bool newline = text.EndsWith("\n", StringComparison.Ordinal);
                writer.Write(Ansi.Color(foreground, background));
                writer.Write(newline ? text.Substring(0, text.Length - 1) : text);
                writer.Write(Ansi.Reset);
                writer.Write(newline ? "\n" : string.Empty);
            }
            else
            {
                // The formatter colours table headers and error views itself; strip that when colour is off.
                writer.Write(UseColor ? text : Escape.Replace(text, string.Empty));
            }

            writer.Flush();
            if (text.EndsWith("\n", StringComparison.Ordinal))
            {
                Progress.DrawLocked();
            }
        }
    }
}
