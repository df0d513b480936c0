using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace ClassicDeploy.Session;

/// <summary>
/// The default context of each runspace. Keyed on the runspace object itself (weakly, so a
/// closed runspace takes its context with it): two runspaces never share a context unless
/// someone passes one explicitly with -Context.
/// </summary>
internal static class ContextStore
{
    private static readonly ConditionalWeakTable<Runspace, Holder> ByRunspace = new ConditionalWeakTable<Runspace, Holder>();
    private static readonly Holder NoRunspace = new Holder();

    /// <summary>The calling runspace's default context, or null when it never connected.</summary>
    public static ClassicDeployContext? Current
    {
        get => HolderOfCurrentRunspace().Context;
        set => HolderOfCurrentRunspace().Context = value;
    }

    private static Holder HolderOfCurrentRunspace()
    {
        Runspace? runspace = Runspace.DefaultRunspace;
        return runspace is null ? NoRunspace : ByRunspace.GetValue(runspace, _ => new Holder());
    }

    private sealed class Holder
    {
        public volatile ClassicDeployContext? Context;
    }
}
