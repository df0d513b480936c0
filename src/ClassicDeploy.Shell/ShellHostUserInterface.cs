using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Threading;

namespace ClassicDeploy.Shell;

/// <summary>
/// The host's text interface: output through the format views, warnings yellow, verbose cyan,
/// errors red (to stderr), debug dark yellow, progress as bars or log lines.
/// </summary>
public sealed class ShellHostUserInterface : PSHostUserInterface
{
    private readonly ConsoleSink sink;
    private readonly ShellRawUserInterface raw;
    private int errorLines;

    public ShellHostUserInterface(ConsoleSink sink)
    {
        this.sink = sink;
        raw = new ShellRawUserInterface(sink.IsTerminal);
        sink.Progress.Width = raw.Width;
    }

    public override PSHostRawUserInterface RawUI => raw;

    /// <summary>Drives $PSStyle.OutputRendering: ANSI only when writing colour to a terminal.</summary>
    public override bool SupportsVirtualTerminal => sink.UseColor;

    /// <summary>Error lines written since the last <see cref="ResetErrorCount"/>.</summary>
    public int ErrorLines => Volatile.Read(ref errorLines);

    public void ResetErrorCount() => Interlocked.Exchange(ref errorLines, 0);

    public override void Write(string value) => sink.Write(value);

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) =>
        sink.Write(value, foregroundColor, backgroundColor == raw.BackgroundColor ? null : backgroundColor);

    public override void WriteLine(string value) => sink.Write(value + "\n");

    public override void WriteErrorLine(string value)
    {
        Interlocked.Increment(ref errorLines);
        sink.Write(value + "\n", ConsoleColor.Red, toError: true);
    }

    public override void WriteWarningLine(string message) => sink.Write("WARNING: " + message + "\n", ConsoleColor.Yellow);

    public override void WriteVerboseLine(string message) => sink.Write("VERBOSE: " + message + "\n", ConsoleColor.Cyan);

    public override void WriteDebugLine(string message) => sink.Write("DEBUG: " + message + "\n", ConsoleColor.DarkYellow);

    public override void WriteProgress(long sourceId, ProgressRecord record) => sink.Progress.Update(sourceId, record);

    public override string ReadLine() => Console.ReadLine() ?? string.Empty;

    public override SecureString ReadLineAsSecureString()
    {
        var secure = new SecureString();
        foreach (char c in Console.ReadLine() ?? string.Empty)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        WriteCaption(caption, message);
        var answers = new Dictionary<string, PSObject>();
        foreach (FieldDescription field in descriptions)
        {
            Write(field.Name + ": ");
            answers[field.Name] = PSObject.AsPSObject(ReadLine());
        }

        return answers;
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        WriteCaption(caption, message);
        for (int i = 0; i < choices.Count; i++)
        {
            WriteLine($"  [{i}] {choices[i].Label.Replace("&", string.Empty)}{(i == defaultChoice ? " (default)" : string.Empty)}");
        }

        Write("Choice: ");
        string? line = Console.ReadLine();
        return int.TryParse(line, out int choice) && choice >= 0 && choice < choices.Count ? choice : defaultChoice;
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        PromptForCredential(caption, message, userName, targetName, PSCredentialTypes.Default, PSCredentialUIOptions.Default);

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
    {
        WriteCaption(caption, message);
        if (string.IsNullOrEmpty(userName))
        {
            Write("User: ");
            userName = ReadLine();
        }

        Write("Password: ");
        return new PSCredential(userName, ReadLineAsSecureString());
    }

    private void WriteCaption(string caption, string message)
    {
        if (!string.IsNullOrEmpty(caption))
        {
            WriteLine(caption);
        }

        if (!string.IsNullOrEmpty(message))
        {
            WriteLine(message);
        }
    }
}
