using System.Management.Automation;
using ClassicDeploy.Session;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Disconnect-ClassicDeploy: forgets the runspace's default context (like Disconnect-AzAccount), so
/// the cmdlets say NotConnected until the next Connect-ClassicDeploy. A context held in a variable
/// (-PassThru) still works with -Context. An emulator keeps running: Stop-ClassicDeployEmulator ends it.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "ClassicDeploy")]
[OutputType(typeof(ClassicDeployContext))]
public sealed class DisconnectClassicDeployCommand : PSCmdlet
{
    /// <summary>Outputs the context that was the default.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        ClassicDeployContext? context = ContextStore.Current;
        ContextStore.Current = null;
        if (context is null)
        {
            WriteVerbose("Not connected: nothing to disconnect.");
            return;
        }

        WriteVerbose($"Disconnected from subscription {context.SubscriptionId} at {context.Endpoint}.");
        if (PassThru)
        {
            WriteObject(context);
        }
    }
}
