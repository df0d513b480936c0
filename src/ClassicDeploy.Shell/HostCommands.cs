using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ClassicDeploy.Shell;

/// <summary>
/// The Write-* cmdlets of Microsoft.PowerShell.Utility, for runspaces built on the
/// System.Management.Automation package alone, which has no Utility module. Each is added only
/// where a command of that name is missing.
/// </summary>
public static class HostCommands
{
    public static void AddTo(InitialSessionState state)
    {
        (string Name, Type Type)[] commands =
        {
            ("Write-Host", typeof(WriteHostCommand)),
            ("Write-Progress", typeof(WriteProgressCommand)),
            ("Write-Output", typeof(WriteOutputCommand)),
            ("Write-Warning", typeof(WriteWarningCommand)),
            ("Write-Verbose", typeof(WriteVerboseCommand)),
            ("Write-Debug", typeof(WriteDebugCommand)),
            ("Write-Information", typeof(WriteInformationCommand)),
            ("Write-Error", typeof(WriteErrorCommand)),
        };
        foreach ((string name, Type type) in commands)
        {
            if (!state.Commands.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                state.Commands.Add(new SessionStateCmdletEntry(name, type, helpFileName: null));
            }
        }
    }
}

/// <summary>Writes objects to the host, optionally coloured, like Microsoft.PowerShell.Utility's Write-Host.</summary>
[Cmdlet(VerbsCommunications.Write, "Host")]
public sealed class WriteHostCommand : PSCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromRemainingArguments = true)]
    public object? Object { get; set; }

    [Parameter]
    public SwitchParameter NoNewline { get; set; }

    [Parameter]
    public object Separator { get; set; } = " ";

    [Parameter]
    public ConsoleColor? ForegroundColor { get; set; }

    [Parameter]
    public ConsoleColor? BackgroundColor { get; set; }

    protected override void ProcessRecord()
    {
        string text = Render(Object);
        if (!NoNewline)
        {
            text += Environment.NewLine;
        }

        var message = new HostInformationMessage
        {
            Message = text,
            NoNewLine = true,
            ForegroundColor = ForegroundColor ?? Host.UI.RawUI.ForegroundColor,
            BackgroundColor = BackgroundColor ?? Host.UI.RawUI.BackgroundColor,
        };
        WriteInformation(message, new[] { "PSHOST" });
    }

    private string Render(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        PSObject { BaseObject: IEnumerable inner } when inner is not string => Render(inner),
        IEnumerable items => string.Join(Separator.ToString(), items.Cast<object?>().Select(Render)),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>Shows a progress record, like Microsoft.PowerShell.Utility's Write-Progress.</summary>
[Cmdlet(VerbsCommunications.Write, "Progress")]
public sealed class WriteProgressCommand : PSCmdlet
{
    [Parameter(Position = 0)]
    public string Activity { get; set; } = "Processing";

    [Parameter(Position = 1)]
    public string Status { get; set; } = "Processing";

    [Parameter(Position = 2)]
    [ValidateRange(0, int.MaxValue)]
    public int Id { get; set; }

    [Parameter]
    [ValidateRange(-1, 100)]
    public int PercentComplete { get; set; } = -1;

    [Parameter]
    public int SecondsRemaining { get; set; } = -1;

    [Parameter]
    public string? CurrentOperation { get; set; }

    [Parameter]
    [ValidateRange(-1, int.MaxValue)]
    public int ParentId { get; set; } = -1;

    [Parameter]
    public SwitchParameter Completed { get; set; }

    protected override void ProcessRecord()
    {
        var record = new ProgressRecord(Id, Activity, Status)
        {
            PercentComplete = PercentComplete,
            SecondsRemaining = SecondsRemaining,
            CurrentOperation = CurrentOperation,
            ParentActivityId = ParentId,
            RecordType = Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        WriteProgress(record);
    }
}
