using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using ClassicDeploy.Cmdlets;

namespace ClassicDeploy.Hosting;

/// <summary>
/// The emulator child processes this PowerShell process started, by owner (the runspace that
/// started them). They are killed by Stop-ClassicDeployEmulator, when their owner closes
/// (<see cref="StopOwnedBy"/>), and when this process exits normally.
/// </summary>
internal static class EmulatorProcesses
{
    private static readonly object Gate = new object();
    private static readonly List<Entry> Entries = new List<Entry>();
    private static bool _processExitHooked;

    internal static void Add(Process process, EmulatorInstance instance, Guid ownerId)
    {
        lock (Gate)
        {
            Entries.Add(new Entry(process, instance, ownerId));
            if (!_processExitHooked)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll(_ => true);
                _processExitHooked = true;
            }
        }
    }

    /// <summary>Kills every emulator started by <paramref name="ownerId"/> (its runspace closed).</summary>
    internal static void StopOwnedBy(Guid ownerId) => StopAll(entry => entry.OwnerId == ownerId);

    /// <summary>The running emulators started by <paramref name="ownerId"/>, most recent first.</summary>
    internal static IReadOnlyList<EmulatorInstance> Running(Guid ownerId)
    {
        lock (Gate)
        {
            return Entries.Where(e => e.OwnerId == ownerId && !Exited(e.Process))
                .Select(e => e.Instance).Reverse().ToList();
        }
    }

    internal static bool HasExited(int processId)
    {
        lock (Gate)
        {
            Entry? entry = Entries.FirstOrDefault(e => e.Instance.ProcessId == processId);
            return entry == null || Exited(entry.Process);
        }
    }

    /// <summary>Kills the emulator and forgets it; false when this process did not start it.</summary>
    internal static bool Stop(int processId)
    {
        return StopAll(e => e.Instance.ProcessId == processId) > 0;
    }

    private static int StopAll(Func<Entry, bool> match)
    {
        List<Entry> stopping;
        lock (Gate)
        {
            stopping = Entries.Where(match).ToList();
            Entries.RemoveAll(e => stopping.Contains(e));
        }

        foreach (Entry entry in stopping)
        {
            Kill(entry.Process);
        }

        return stopping.Count;
    }

    internal static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(10000);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in the meantime.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // It is ending; nothing more to do.
        }
        finally
        {
            process.Dispose();
        }
    }

    private static bool Exited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private sealed class Entry
    {
        internal Entry(Process process, EmulatorInstance instance, Guid ownerId)
        {
            Process = process;
            Instance = instance;
            OwnerId = ownerId;
        }

        internal Process Process { get; }

        internal EmulatorInstance Instance { get; }

        internal Guid OwnerId { get; }
    }
}
