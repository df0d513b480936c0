using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace ClassicDeploy.Emulator.Tests.Support;

/// <summary>The built emulator (<c>dotnet ClassicDeploy.Emulator.dll …</c>) as a real child process.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    public const string Banner = EmulatorMain.Banner;

    private readonly Process process;
    private readonly TaskCompletionSource<string> firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EmulatorProcess(Process process) => this.process = process;

    public ConcurrentQueue<string> Output { get; } = new();

    public Uri? BaseAddress { get; private set; }

    public bool HasExited => this.process.HasExited;

    public int ProcessId => this.process.Id;

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
                result.firstLine.TrySetResult(string.Empty);
                return;
            }

            result.Output.Enqueue(e.Data);
            result.firstLine.TrySetResult(e.Data);
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

    /// <summary>Starts the emulator and waits (bounded) for its first line, the base address.</summary>
    public static async Task<EmulatorProcess> StartAsync(params string[] args)
    {
        var result = Launch(args);
        var line = await result.FirstLineAsync();
        if (!line.StartsWith(Banner, StringComparison.Ordinal))
        {
            result.Dispose();
            throw new InvalidOperationException("unexpected first line: " + line + " / " + string.Join(" | ", result.Output));
        }

        result.BaseAddress = new Uri(line.Substring(Banner.Length));
        return result;
    }

    public async Task<string> FirstLineAsync() => await this.firstLine.Task.WaitAsync(TimeSpan.FromSeconds(60));

    public async Task<int> WaitForExitAsync()
    {
        await this.process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return this.process.ExitCode;
    }

    /// <summary>kill -9: no shutdown code runs.</summary>
    public void KillHard()
    {
        this.process.Kill(entireProcessTree: true);
        this.process.WaitForExit();
    }

    public void Terminate() => _ = SendSignal(this.process.Id, 15);

    public void Dispose()
    {
        if (!this.process.HasExited)
        {
            this.KillHard();
        }

        this.process.Dispose();
    }

    private static string DotNet()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
