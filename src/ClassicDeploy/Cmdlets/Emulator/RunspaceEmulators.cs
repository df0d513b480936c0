using System;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using ClassicDeploy.Hosting;

namespace ClassicDeploy.Cmdlets;

/// <summary>Ties the emulators a runspace started to its life: they are killed when it closes or breaks.</summary>
internal static class RunspaceEmulators
{
    private static readonly object Gate = new object();
    private static readonly HashSet<Guid> Watched = new HashSet<Guid>();

    /// <summary>The owner id of the emulators the calling runspace starts (empty outside a runspace).</summary>
    public static Guid CurrentOwner => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;

    /// <summary>Watches <paramref name="runspace"/> (once) so its emulators are stopped when it closes.</summary>
    public static void StopWhenClosed(Runspace? runspace)
    {
        if (runspace is null)
        {
            return;
        }

        lock (Gate)
        {
            if (!Watched.Add(runspace.InstanceId))
            {
                return;
            }
        }

        runspace.StateChanged += OnStateChanged;
    }

    private static void OnStateChanged(object? sender, RunspaceStateEventArgs e)
    {
        RunspaceState state = e.RunspaceStateInfo.State;
        if (sender is Runspace runspace && (state == RunspaceState.Closed || state == RunspaceState.Broken))
        {
            Guid id = runspace.InstanceId;
            EmulatorProcesses.StopOwnedBy(id);
            lock (Gate)
            {
                Watched.Remove(id);
            }

            runspace.StateChanged -= OnStateChanged;
        }
    }
}
