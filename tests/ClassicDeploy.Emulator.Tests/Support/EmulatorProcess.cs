using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Hosting;

namespace ClassicDeploy.Emulator.Tests.Support;

/// <summary>The built emulator (<c>dotnet ClassicDeploy.Emulator.dll …</c>) as a real child process.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    public const string Banner = EmulatorLauncher.ListeningPrefix;

    private readonly Process _process;
    private readonly TaskCompletionSource<string> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EmulatorProcess(Process process, ConcurrentQueue<string>? output = null)
    {
        _process = process;
        Output = output ?? new ConcurrentQueue<string>();
    }

    public ConcurrentQueue<string> Output { get; }

    public Uri? BaseAddress { get; private set; }

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    public static string EmulatorDll => Path.Combine(AppContext.BaseDirectory, "ClassicDeploy.Emulator.dll");

    public static EmulatorProcess Launch(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(DotNet())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(EmulatorDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var result = new EmulatorProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                result._firstLine.TrySetResult(string.Empty);
                return;
            }

            result.Output.Enqueue(e.Data);
            result._firstLine.TrySetResult(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                result.Output.Enqueue("stderr: " + e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return result;
    }

    /// <summary>Starts the emulator as Start-ClassicDeployEmulator does and waits (bounded) for its banner, the base address.</summary>
    public static async Task<EmulatorProcess> StartAsync(params string[] args)
    {
        var output = new ConcurrentQueue<string>();
        var info = EmulatorLauncher.CreateStartInfo(AppContext.BaseDirectory, args);
        var (process, baseAddress) = await EmulatorLauncher.StartAsync(info, TimeSpan.FromSeconds(60), CancellationToken.None, output.Enqueue);
        var result = new EmulatorProcess(process, output) { BaseAddress = baseAddress };
        result._firstLine.TrySetResult(output.TryPeek(out var banner) ? banner : string.Empty);
        return result;
    }

    public async Task<string> FirstLineAsync() => await _firstLine.Task.WaitAsync(TimeSpan.FromSeconds(60));

    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    /// <summary>kill -9: no shutdown code runs.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Terminate() => _ = SendSignal(_process.Id, 15);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            this.KillHard();
        }

        _process.Dispose();
    }

    private static string DotNet()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
