using System;
using System.Management.Automation;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>Remove-Deployment: Delete Deployment.</summary>
[Cmdlet(VerbsCommon.Remove, "Deployment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(DeploymentOperation))]
public sealed class RemoveDeploymentCommand : DeploymentCmdlet
{
    /// <summary>Wait for the operation to finish.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long -Wait waits at most.</summary>
    [Parameter]
    [Seconds]
    public TimeSpan? Timeout { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        DeploymentTarget target = Target;
        bool wait = Wait;
        TimeSpan? timeout = Timeout;
        Run(
            async ct =>
            {
                Validate(target);
                if (!await ShouldProcessAsync(target.ToString(), "Delete deployment").ConfigureAwait(false))
                {
                    return;
                }

                DateTime start = DateTime.UtcNow;
                AcceptedOperation accepted = await Client.DeleteDeploymentAsync(target, ct).ConfigureAwait(false);
                DeploymentOperation operation = Accepted(accepted, "Delete Deployment", target.ServiceName, target.Slot, target.DeploymentName, start);
                await CompleteAsync(operation, wait, timeout, null, ct).ConfigureAwait(false);
            },
            target);
    }
}
