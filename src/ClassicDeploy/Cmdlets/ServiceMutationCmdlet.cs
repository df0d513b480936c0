using System;
using System.Management.Automation;
using ClassicDeploy.Completion;
using ClassicDeploy.Operations;

namespace ClassicDeploy.Cmdlets;

/// <summary>A mutation addressed to a cloud service rather than one of its deployments (Create Deployment, Swap Deployment), with -Wait and -Timeout.</summary>
public abstract class ServiceMutationCmdlet : ClassicDeployCmdlet
{
    /// <summary>The cloud service (hosted service) name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string ServiceName { get; set; } = string.Empty;

    /// <summary>Wait for the operation to finish (Get Operation Status).</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long -Wait waits at most.</summary>
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
