using System;
using System.Management.Automation;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>Undo-DeploymentUpgrade: Rollback Update Or Upgrade, after checking the deployment allows it.</summary>
[Cmdlet(VerbsCommon.Undo, "DeploymentUpgrade", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(DeploymentOperation))]
public sealed class UndoDeploymentUpgradeCommand : DeploymentCmdlet
{
    /// <summary>Auto (rolls back by itself) or Manual (walk the domains back with Step-UpgradeDomain).</summary>
    [Parameter]
    [ValidateSet("Auto", "Manual")]
    public UpgradeMode Mode { get; set; } = UpgradeMode.Auto;

    /// <summary>The API's Force: proceed even if instances would lose local data.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Wait for the operation to finish, with progress.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long -Wait waits at most.</summary>
    [Parameter]
    [Seconds]
    public TimeSpan? Timeout { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var request = new RollbackUpdateOrUpgradeRequest { Mode = Mode, Force = Force };
        DeploymentTarget target = Target;
        bool wait = Wait;
        TimeSpan? timeout = Timeout;
        Run(
            async ct =>
            {
                Validate(target);
                request.Validate();
                Deployment deployment = await Client.GetDeploymentAsync(target, ct).ConfigureAwait(false);
                if (!deployment.RollbackAllowed)
                {
                    throw new ClassicDeployException("RollbackNotAllowed", ErrorCategory.InvalidOperation,
                        $"Deployment {deployment.DeploymentName} ({deployment.ServiceName}/{deployment.Slot}) cannot be rolled back: no update is in progress.");
                }

                if (!await ShouldProcessAsync($"{deployment.ServiceName}/{deployment.DeploymentName} ({deployment.Slot})", $"Roll back the update in progress ({request.Mode})").ConfigureAwait(false))
                {
                    return;
                }

                DeploymentTarget byName = DeploymentTarget.ByName(deployment.ServiceName, deployment.DeploymentName);
                DateTime start = DateTime.UtcNow;
                AcceptedOperation accepted = await Client.RollbackUpdateOrUpgradeAsync(byName, request, ct).ConfigureAwait(false);
                DeploymentOperation operation = Accepted(accepted, "Rollback Update Or Upgrade", deployment.ServiceName, deployment.Slot, deployment.DeploymentName, start);
                UpgradeProgress progress = NewProgress("Rolling back", byName);
                progress.Describe(deployment);
                await CompleteAsync(operation, wait, timeout, progress, ct).ConfigureAwait(false);
            },
            target);
    }
}
