using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace ClassicDeploy.Tests.UserExperience;

/// <summary>
/// A PSHost whose console is a string: what Out-Default (the format views) prints, plus the
/// progress records, as a user at a 120-column terminal would see them.
/// </summary>
public sealed class TextHost : PSHost
{
    private readonly TextUserInterface _ui = new TextUserInterface();

    public override string Name => "ClassicDeploy.Tests.TextHost";

    public override Version Version { get; } = new Version(1, 0);

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override PSHostUserInterface UI => _ui;

    /// <summary>Everything written to the console so far.</summary>
    public string Text
    {
        get
        {
            lock (_ui.Console)
            {
                return _ui.Console.ToString();
            }
        }
    }

    /// <summary>Progress records in the order they were drawn.</summary>
    public IReadOnlyList<ProgressRecord> Progress
    {
        get
        {
            lock (_ui.ProgressRecords)
            {
                return _ui.ProgressRecords.ToArray();
            }
        }
    }

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode)
    {
    }

    private sealed class TextUserInterface : PSHostUserInterface
    {
        internal readonly StringBuilder Console = new StringBuilder();
        internal readonly List<ProgressRecord> ProgressRecords = new List<ProgressRecord>();

        public override PSHostRawUserInterface RawUI { get; } = new TextRawUserInterface();

        public override string ReadLine() => string.Empty;

        public override SecureString ReadLineAsSecureString() => new SecureString();

        public override void Write(string value) => Append(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);

        public override void WriteLine(string value) => Append(value + "\n");

        public override void WriteErrorLine(string value) => Append("ERROR: " + value + "\n");

        public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");

        public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");

        public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
            lock (ProgressRecords)
            {
                ProgressRecords.Add(record);
            }
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("Tests do not prompt.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("Tests do not prompt.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException("Tests do not prompt.");

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
            throw new NotSupportedException("Tests do not prompt: pass -Confirm:$false.");

        private void Append(string value)
        {
            lock (Console)
            {
                Console.Append(value);
            }
        }
    }

    private sealed class TextRawUserInterface : PSHostRawUserInterface
    {
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

        public override Size BufferSize { get; set; } = new Size(120, 9999);

        public override Coordinates CursorPosition { get; set; }

        public override int CursorSize { get; set; }

        public override bool KeyAvailable => false;

        public override Size MaxPhysicalWindowSize => new Size(120, 50);

        public override Size MaxWindowSize => new Size(120, 50);

        public override Coordinates WindowPosition { get; set; }

        public override Size WindowSize { get; set; } = new Size(120, 50);

        public override string WindowTitle { get; set; } = string.Empty;

        public override void FlushInputBuffer()
        {
        }

        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();

        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill)
        {
        }

        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents)
        {
        }

        public override void SetBufferContents(Rectangle rectangle, BufferCell fill)
        {
        }
    }
}
