using System;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace ClassicDeploy.Tests.Reliability;

/// <summary>The built emulator as a real child process on a fixed port, so it can be killed (-9) and restarted at the same URL.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private const string Banner = "ClassicDeploy emulator listening on ";
    private readonly Process process;

    private EmulatorProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public static async Task<EmulatorProcess> StartAsync(int port, string dataDirectory, double upgradeDomainSeconds)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            RepoPaths.EmulatorDll, "--port", port.ToString(CultureInfo.InvariantCulture), "--host", "127.0.0.1",
            "--data-dir", dataDirectory, "--upgrade-domain-seconds", upgradeDomainSeconds.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        Task<string?> firstLine = process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(firstLine, Task.Delay(TimeSpan.FromSeconds(30))) != firstLine || firstLine.Result is null
            || !firstLine.Result.StartsWith(Banner, StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException("The emulator did not announce itself; first line: " + (firstLine.IsCompleted ? firstLine.Result : "<none>"));
        }

        // Keep draining stdout (one log line per request) so the child never blocks on a full pipe.
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is not null)
            {
            }
        });
        return new EmulatorProcess(process, new Uri(firstLine.Result.Substring(Banner.Length).Trim()));
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was not durable is lost.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }
}
