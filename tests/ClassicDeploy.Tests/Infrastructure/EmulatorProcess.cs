using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Hosting;

namespace ClassicDeploy.Tests.Infrastructure;

/// <summary>The built emulator as a real child process on a fixed port, so it can be killed (-9) and restarted at the same URL.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri baseAddress)
    {
        _process = process;
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
        ProcessStartInfo start = EmulatorLauncher.CreateStartInfo(Path.GetDirectoryName(TestRepository.EmulatorDll)!, new[]
        {
            "--port", port.ToString(CultureInfo.InvariantCulture), "--host", "127.0.0.1",
            "--data-dir", dataDirectory, "--upgrade-domain-seconds", upgradeDomainSeconds.ToString(CultureInfo.InvariantCulture),
        });
        var (process, baseAddress) = await EmulatorLauncher.StartAsync(start, TimeSpan.FromSeconds(30), CancellationToken.None);
        return new EmulatorProcess(process, baseAddress);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was not durable is lost.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
