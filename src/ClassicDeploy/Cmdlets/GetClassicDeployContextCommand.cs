using System.Management.Automation;
using ClassicDeploy.Session;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Get-ClassicDeployContext: the runspace's default context (set by Connect-ClassicDeploy or
/// Start-ClassicDeployEmulator), or nothing when the runspace is not connected (like Get-AzContext).
/// </summary>
[Cmdlet(VerbsCommon.Get, "ClassicDeployContext")]
[OutputType(typeof(ClassicDeployContext))]
public sealed class GetClassicDeployContextCommand : PSCmdlet
{
    /// <inheritdoc />
    protected override void EndProcessing()
    {
        ClassicDeployContext? context = ContextStore.Current;
        if (context is null)
        {
            WriteVerbose("Not connected: run Connect-ClassicDeploy or Start-ClassicDeployEmulator.");
            return;
        }

        WriteObject(context);
    }
}
