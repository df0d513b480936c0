using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClassicDeploy.Emulator;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// (b) 50 services upgraded in parallel from one script with <c>ForEach-Object -Parallel</c> (each parallel
/// runspace imports the module and connects, as a user's script must) against the same script with one service.
/// </summary>
internal static class FanOutBenchmark
{
    public const int Domains = 5;
    public const double Target = 1.5;

    public static async Task<BenchmarkResult> RunAsync(int services, TimeSpan domainDuration, int runs)
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            InMemory = true,
            UpgradeDomainCount = Domains,
            UpgradeDomainDuration = domainDuration,
        }).ConfigureAwait(false);
        string subscription = Guid.NewGuid().ToString();
        using var raw = new RawManagement(host.BaseAddress, subscription);
        string[] names = Enumerable.Range(0, services).Select(i => $"fan{i:00}").ToArray();
        foreach (string name in names.Append("solo").Append("warmup"))
        {
            await raw.CreateServiceAsync(name, Domains).ConfigureAwait(false);
        }

        using var session = new PsSession();
        bool parallel = (bool)session.Invoke("(Get-Command ForEach-Object).Parameters.ContainsKey('Parallel')")[0].BaseObject;
        if (!parallel)
        {
            throw new InvalidOperationException("ForEach-Object -Parallel is not available in this runspace");
        }

        session.Invoke($"$module = '{RepoPaths.ModuleManifest}'; $sub = '{subscription}'; $endpoint = '{host.BaseAddress}'; " +
            $"$pkg = '{RawManagement.PackageUrl}'; $cfg = '{RawManagement.Configuration(Domains)}'");
        session.Invoke(Script("'warmup'", "warm"));

        var single = new List<double>();
        var fanned = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            single.Add(session.Time(Script("'solo'", $"v{run + 2}")).TotalMilliseconds);
            fanned.Add(session.Time(Script("'" + string.Join("','", names) + "'", $"v{run + 2}")).TotalMilliseconds);
        }

        double all = Stats.Median(fanned);
        double one = Stats.Median(single);
        return new BenchmarkResult(
            "fan-out",
            $"{services} services upgraded with ForEach-Object -Parallel, {Domains} x {domainDuration.TotalMilliseconds:0} ms each",
            all,
            "ms",
            "the same script with one service",
            one,
            all / one,
            $"ratio <= {Target}",
            all / one <= Target,
            new Dictionary<string, double>
            {
                ["services"] = services,
                ["emulated_ms"] = Domains * domainDuration.TotalMilliseconds,
                ["fan_out_max_ms"] = fanned.Max(),
                ["single_max_ms"] = single.Max(),
                ["runs"] = runs,
            });
    }

    private static string Script(string names, string label) =>
        $"{names} | ForEach-Object -ThrottleLimit 64 -Parallel {{ " +
        "Import-Module $using:module -ErrorAction Stop; " +
        "Connect-ClassicDeploy -SubscriptionId $using:sub -Endpoint $using:endpoint -ErrorAction Stop; " +
        $"$null = Invoke-UpgradeDeployment -ServiceName $_ -Slot Production -Mode Auto -Package $using:pkg -Configuration $using:cfg -Label '{label}' -Wait -ErrorAction Stop }}";
}
