using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.CommandLine;

namespace ClassicDeploy.Emulator;

/// <summary>The emulator process: start the host from the command line, print the banner, stop on SIGINT/SIGTERM.</summary>
internal static class EmulatorMain
{
    public const string Banner = "ClassicDeploy emulator listening on ";

    public static async Task<int> RunAsync(EmulatorCommandLine commandLine, CancellationToken cancellation)
    {
        var options = commandLine.Options;
        var output = Console.Out;
        if (!commandLine.Quiet)
        {
            options.Log = line =>
            {
                lock (output)
                {
                    output.WriteLine(line);
                }
            };
        }

        if (commandLine.ParentProcessId.HasValue)
        {
            ParentWatch.LeaveParentSession();
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        await using var host = await EmulatorHost.StartAsync(options, cancellation).ConfigureAwait(false);
        lock (output)
        {
            output.WriteLine(Banner + host.BaseAddress);
            output.Flush();
        }

        using var watching = new CancellationTokenSource();
        if (commandLine.ParentProcessId is int parentId)
        {
            _ = ParentWatch.WaitForExitAsync(parentId, watching.Token).ContinueWith(
                ended => stop.TrySetResult(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }

        await stop.Task.ConfigureAwait(false);
        await watching.CancelAsync().ConfigureAwait(false);
        await host.StopAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>One line for the user: what failed, without a stack trace or control characters.</summary>
    public static string Describe(Exception e)
    {
        var message = e is CryptographicException
            ? "A certificate could not be loaded (wrong path, format or password)."
            : e.Message;
        var line = new StringBuilder("ClassicDeploy emulator cannot start: ");
        foreach (var c in message.Trim())
        {
            line.Append(char.IsControl(c) ? ' ' : c);
        }

        return line.ToString();
    }
}
