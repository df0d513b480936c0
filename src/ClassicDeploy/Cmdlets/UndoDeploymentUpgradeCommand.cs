using System.Management.Automation;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>Undo-DeploymentUpgrade: Rollback Update Or Upgrade, after checking the deployment allows it.</summary>
[Cmdlet(VerbsCommon.Undo, "DeploymentUpgrade", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(DeploymentOperation), typeof(OperationJob))]
public sealed class UndoDeploymentUpgradeCommand : DeploymentMutationCmdlet
{
    /// <summary>Auto (rolls back by itself) or Manual (walk the domains back with Step-UpgradeDomain).</summary>
    [Parameter]
    [ValidateSet("Auto", "Manual")]
    public UpgradeMode Mode { get; set; } = UpgradeMode.Auto;

    /// <summary>The API's Force flag: roll back role instances even where their local data (non-persistent local storage) would be lost.</summary>
    [Parameter]
    public SwitchParameter AllowLocalDataLoss { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var request = new RollbackUpdateOrUpgradeRequest { Mode = Mode, Force = AllowLocalDataLoss };
        DeploymentTarget target = Target;
        Run((workflows, ct) => workflows.RollbackUpdateOrUpgradeAsync(target, request, Waiting, ct), target);
    }
}
