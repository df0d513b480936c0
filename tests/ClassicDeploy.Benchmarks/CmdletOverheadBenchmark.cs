using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Emulator;
using ClassicDeploy.Models;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// (c) Get-Deployment in a runspace against a raw HttpClient GET of the same URI (body read as text), same
/// emulator, both warmed up, many sequential iterations; per-call time is the median of several rounds.
/// </summary>
internal static class CmdletOverheadBenchmark
{
    public const double Target = 1.3;

    public static async Task<BenchmarkResult> RunAsync(int iterations, int rounds)
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions { InMemory = true }).ConfigureAwait(false);
        string subscription = Guid.NewGuid().ToString();
        using var raw = new RawManagement(host.BaseAddress, subscription);
        await raw.CreateServiceAsync("overhead", 4).ConfigureAwait(false);
        using PsSession session = PsSession.Connected(host.BaseAddress, subscription);

        string loop = $"for ($i = 0; $i -lt {iterations}; $i++) {{ $null = Get-Deployment -ServiceName overhead -Slot Production }}";
        string floorLoop = $"for ($i = 0; $i -lt {iterations}; $i++) {{ $null = Get-History -Count 1 }}";
        session.Invoke(loop.Replace(iterations.ToString(), "50", StringComparison.Ordinal));
        for (int i = 0; i < 50; i++)
        {
            await raw.GetDeploymentAsync("overhead").ConfigureAwait(false);
        }

        using var client = new ServiceManagementClient(new ServiceManagementClientOptions { Endpoint = host.BaseAddress, SubscriptionId = subscription });
        DeploymentTarget target = DeploymentTarget.BySlot("overhead", DeploymentSlot.Production);
        for (int i = 0; i < 50; i++)
        {
            await client.GetDeploymentAsync(target, CancellationToken.None).ConfigureAwait(false);
        }

        var direct = new List<double>();
        var cmdlet = new List<double>();
        var http = new List<double>();
        var floor = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            for (int i = 0; i < iterations; i++)
            {
                await raw.GetDeploymentAsync("overhead").ConfigureAwait(false);
            }

            http.Add(stopwatch.Elapsed.TotalMilliseconds * 1000 / iterations);
            stopwatch.Restart();
            for (int i = 0; i < iterations; i++)
            {
                await client.GetDeploymentAsync(target, CancellationToken.None).ConfigureAwait(false);
            }

            direct.Add(stopwatch.Elapsed.TotalMilliseconds * 1000 / iterations);
            cmdlet.Add(session.Time(loop).TotalMilliseconds * 1000 / iterations);
            floor.Add(session.Time(floorLoop).TotalMilliseconds * 1000 / iterations);
        }

        double perCall = Stats.Median(cmdlet);
        double baseline = Stats.Median(http);

        // Each round measures both sides back to back; the median of the per-round ratios is less exposed to
        // whatever else the machine did during one round than the ratio of two medians.
        double ratio = Stats.Median(cmdlet.Select((c, i) => c / http[i]));
        return new BenchmarkResult(
            "cmdlet-overhead",
            $"Get-Deployment per call, {iterations} calls x {rounds} rounds",
            perCall,
            "us",
            "raw HttpClient GET of the same URI",
            baseline,
            ratio,
            $"ratio <= {Target}",
            ratio <= Target,
            new Dictionary<string, double>
            {
                ["powershell_command_floor_us"] = Stats.Median(floor),
                ["client_library_us"] = Stats.Median(direct),
                ["cmdlet_min_us"] = cmdlet.Min(),
                ["http_min_us"] = http.Min(),
                ["ratio_of_minimums"] = cmdlet.Min() / http.Min(),
                ["client_library_ratio"] = Stats.Median(direct.Select((c, i) => c / http[i])),
            });
    }
}
