using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Wait-DeploymentOperation: polls Get Operation Status until the operations end, all at once
/// (like Wait-Job). With operation objects from the pipeline each progress bar names the
/// deployment being updated.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "DeploymentOperation", DefaultParameterSetName = ByInputObject)]
[OutputType(typeof(DeploymentOperation), typeof(OperationJob))]
public sealed class WaitDeploymentOperationCommand : OperationCmdlet
{
    private readonly List<(DeploymentOperation Operation, object? Input)> _operations = new List<(DeploymentOperation Operation, object? Input)>();

    /// <summary>How long to wait at most (each operation).</summary>
    [Parameter]
    [Seconds]
    public TimeSpan? Timeout { get; set; }

    /// <summary>Outputs a job at once (Receive-Job gets what the command would output; Stop-Job stops the waiting).</summary>
    [Parameter]
    public SwitchParameter AsJob { get; set; }

    /// <inheritdoc />
    private protected override bool RunsAsJob => AsJob;

    /// <inheritdoc />
    protected override void ProcessRecord() => _operations.Add((CopyOfInput(), PipelineItem));

    /// <summary>
    /// Like Wait-Job: every piped operation is waited for at once, each with its own progress bar,
    /// each output as it ends; a failure to wait for one is that item's error, not the others'.
    /// </summary>
    protected override void EndProcessing()
    {
        TimeSpan? timeout = Timeout;
        var operations = _operations.ToList();
        if (operations.Count > 0)
        {
            // One operation: its failure is the command's ordinary per-item error.
            Run((workflows, ct) => workflows.WaitForOperationsAsync(operations, timeout, ct), operations.Count == 1 ? operations[0].Input : null);
        }

        base.EndProcessing();
    }
}
