using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ClassicDeploy.Hosting;

namespace ClassicDeploy.Cmdlets;

/// <summary>Stop-ClassicDeployEmulator: ends emulators started by Start-ClassicDeployEmulator.</summary>
[Cmdlet(VerbsLifecycle.Stop, "ClassicDeployEmulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
    DefaultParameterSetName = CurrentSet)]
[OutputType(typeof(void))]
public sealed class StopClassicDeployEmulatorCommand : PSCmdlet
{
    private const string CurrentSet = "Current";
    private const string InputObjectSet = "InputObject";
    private const string ProcessIdSet = "ProcessId";

    /// <summary>The emulator to stop, as output by Start-ClassicDeployEmulator -PassThru.</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true, Position = 0)]
    public EmulatorInstance[] InputObject { get; set; } = Array.Empty<EmulatorInstance>();

    /// <summary>Process id of the emulator to stop.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ProcessIdSet)]
    public int[] ProcessId { get; set; } = Array.Empty<int>();

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        IEnumerable<int> processIds = ParameterSetName switch
        {
            InputObjectSet => InputObject.Where(i => i != null).Select(i => i.ProcessId),
            ProcessIdSet => ProcessId,
            _ => EmulatorProcesses.Running(RunspaceEmulators.CurrentOwner).Select(i => i.ProcessId).ToList(),
        };
        foreach (int processId in processIds)
        {
            if (!ShouldProcess($"emulator process {processId}", "Stop"))
            {
                continue;
            }

            if (EmulatorProcesses.Stop(processId))
            {
                WriteVerbose($"Stopped the emulator (process {processId}).");
            }
            else if (ParameterSetName != CurrentSet)
            {
                WriteError(new ErrorRecord(
                    new InvalidOperationException($"No emulator started by Start-ClassicDeployEmulator runs as process {processId}."),
                    "ClassicDeploy.EmulatorNotRunning", ErrorCategory.ObjectNotFound, processId));
            }
        }
    }
}
