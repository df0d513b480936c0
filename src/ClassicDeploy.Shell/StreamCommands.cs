using System;
using System.Management.Automation;

namespace ClassicDeploy.Shell;

/// <summary>Write-Output: sends objects down the pipeline, enumerating collections unless -NoEnumerate.</summary>
[Cmdlet(VerbsCommunications.Write, "Output")]
public sealed class WriteOutputCommand : PSCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true, ValueFromRemainingArguments = true)]
    [AllowNull]
    [AllowEmptyCollection]
    public PSObject[]? InputObject { get; set; }

    [Parameter]
    public SwitchParameter NoEnumerate { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            WriteObject(null);
        }
        else if (InputObject.Length == 1)
        {
            WriteObject(InputObject[0], !NoEnumerate);
        }
        else
        {
            WriteObject(InputObject, !NoEnumerate);
        }
    }
}

/// <summary>Write-Warning.</summary>
[Cmdlet(VerbsCommunications.Write, "Warning")]
public sealed class WriteWarningCommand : PSCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyString]
    public string Message { get; set; } = string.Empty;

    protected override void ProcessRecord() => WriteWarning(Message);
}

/// <summary>Write-Verbose.</summary>
[Cmdlet(VerbsCommunications.Write, "Verbose")]
public sealed class WriteVerboseCommand : PSCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyString]
    public string Message { get; set; } = string.Empty;

    protected override void ProcessRecord() => WriteVerbose(Message);
}

/// <summary>Write-Debug.</summary>
[Cmdlet(VerbsCommunications.Write, "Debug")]
public sealed class WriteDebugCommand : PSCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyString]
    public string Message { get; set; } = string.Empty;

    protected override void ProcessRecord() => WriteDebug(Message);
}

/// <summary>Write-Information.</summary>
[Cmdlet(VerbsCommunications.Write, "Information")]
public sealed class WriteInformationCommand : PSCmdlet
{
    [Parameter(Position = 0, Mandatory = true)]
    [AllowNull]
    public object? MessageData { get; set; }

    [Parameter(Position = 1)]
    public string[] Tags { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord() => WriteInformation(MessageData, Tags);
}

/// <summary>Write-Error: a non-terminating error record from a message, an exception or a record.</summary>
[Cmdlet(VerbsCommunications.Write, "Error", DefaultParameterSetName = "Message")]
public sealed class WriteErrorCommand : PSCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true, ParameterSetName = "Message")]
    [AllowEmptyString]
    public string Message { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = "Exception")]
    public Exception? Exception { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = "ErrorRecord")]
    public ErrorRecord? ErrorRecord { get; set; }

    [Parameter(ParameterSetName = "Message")]
    [Parameter(ParameterSetName = "Exception")]
    public ErrorCategory Category { get; set; } = ErrorCategory.NotSpecified;

    [Parameter(ParameterSetName = "Message")]
    [Parameter(ParameterSetName = "Exception")]
    public string ErrorId { get; set; } = "Microsoft.PowerShell.Commands.WriteErrorException";

    [Parameter(ParameterSetName = "Message")]
    [Parameter(ParameterSetName = "Exception")]
    public object? TargetObject { get; set; }

    protected override void ProcessRecord()
    {
        ErrorRecord record = ErrorRecord
            ?? new ErrorRecord(Exception ?? new RuntimeException(Message), ErrorId, Category, TargetObject);
        WriteError(record);
    }
}
