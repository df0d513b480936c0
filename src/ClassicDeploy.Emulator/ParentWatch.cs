using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace ClassicDeploy.Emulator;

/// <summary>
/// --parent-pid: the emulator as a child of one process. On Unix it leaves the parent's session
/// (setsid), so the terminal's Ctrl+C, which signals the foreground process group, does not stop it;
/// on Windows the module starts it without a console, which does the same. It exits when the parent
/// is gone, however it ended (SIGKILL included): the parent's process is looked up by id every
/// <see cref="Interval"/>, and one with the same id but another start time is a reused id, so gone too.
/// </summary>
internal static class ParentWatch
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Moves this process into a session of its own (Unix); false where it cannot (Windows, or already a session leader).</summary>
    public static bool LeaveParentSession() =>
        !OperatingSystem.IsWindows() && setsid() != -1;

    /// <summary>Completes when the process <paramref name="parentId"/> has ended (at once if it is not running).</summary>
    public static async Task WaitForExitAsync(int parentId, CancellationToken cancellation)
    {
        DateTime? started = StartTime(parentId);
        if (started is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(cancellation).ConfigureAwait(false))
        {
            if (StartTime(parentId) != started)
            {
                return;
            }
        }
    }

    private static DateTime? StartTime(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return process.HasExited ? null : process.StartTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setsid();
}
