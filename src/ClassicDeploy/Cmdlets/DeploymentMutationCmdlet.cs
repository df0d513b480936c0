using System;
using System.Management.Automation;
using ClassicDeploy.Operations;

namespace ClassicDeploy.Cmdlets;

/// <summary>A mutation of one deployment: its target as <see cref="DeploymentCmdlet"/> binds it, and -Wait with -Timeout.</summary>
public abstract class DeploymentMutationCmdlet : DeploymentCmdlet
{
    /// <summary>Wait for the operation to finish (Get Operation Status), with progress where upgrade domains are walked.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long each wait lasts at most.</summary>
    [Parameter]
    [Seconds]
    public TimeSpan? Timeout { get; set; }

    /// <summary>Goes ahead without asking for confirmation (-WhatIf still only shows what would happen).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    private protected override bool SkipsConfirmation => Force;

    /// <inheritdoc />
    protected override string ConfirmationSwitches => "-Force (or -Confirm:$false)";

    /// <summary>Outputs a job at once (Receive-Job gets what the command would output; Stop-Job stops the waiting).</summary>
    [Parameter]
    public SwitchParameter AsJob { get; set; }

    /// <inheritdoc />
    private protected override bool RunsAsJob => AsJob;

    /// <summary>-Wait and -Timeout as the workflows take them.</summary>
    private protected OperationWait Waiting => new OperationWait(Wait, Timeout);
}
