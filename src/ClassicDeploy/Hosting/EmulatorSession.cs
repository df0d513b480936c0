using ClassicDeploy.Cmdlets;
using ClassicDeploy.Session;

namespace ClassicDeploy.Hosting;

/// <summary>Connects the calling runspace to a started emulator, as Connect-ClassicDeploy -Endpoint does.</summary>
internal static class EmulatorSession
{
    internal static ClassicDeployContext Connect(EmulatorInstance instance)
    {
        var context = new ClassicDeployContext(instance.SubscriptionId, instance.Endpoint, null);
        ContextStore.Current = context;
        return context;
    }
}
