using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClassicDeploy.Emulator;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// (a) How close <c>Invoke-UpgradeDeployment -Mode Auto -Wait</c> returns to the moment the emulated upgrade
/// ends: elapsed / (emulated duration + one measured round trip), and the Get Operation Status polls it
/// spends per second of operation (counted in the emulator's request log).
/// </summary>
internal static class WaitLatencyBenchmark
{
    public const int Domains = 5;
    public const double TargetRatio = 1.10;
    public const double TargetPollsPerSecond = 1.0;

    /// <summary>The same measurement on a longer operation, where the adaptive interval has reached its maximum.</summary>
    public static async Task<BenchmarkResult> RunLongAsync(TimeSpan domainDuration)
    {
        IReadOnlyList<BenchmarkResult> results = await RunAsync(domainDuration, 1).ConfigureAwait(false);
        BenchmarkResult polls = results[1];
        return polls with
        {
            Name = "wait-polls-long",
            Figure = $"Get Operation Status polls per second of -Wait, Auto upgrade of {Domains} x {domainDuration.TotalMilliseconds:0} ms",
            Details = new Dictionary<string, double>(results[0].Details) { ["ratio"] = results[0].Ratio },
        };
    }

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(TimeSpan domainDuration, int runs)
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            InMemory = true,
            UpgradeDomainCount = Domains,
            UpgradeDomainDuration = domainDuration,
        }).ConfigureAwait(false);
        string subscription = Guid.NewGuid().ToString();
        using var raw = new RawManagement(host.BaseAddress, subscription);
        await raw.CreateServiceAsync("latency", Domains).ConfigureAwait(false);
        await raw.CreateServiceAsync("warmup", Domains).ConfigureAwait(false);
        var roundTrips = new List<double>();
        for (int i = 0; i < 30; i++)
        {
            var started = DateTime.UtcNow;
            await raw.GetDeploymentAsync("latency").ConfigureAwait(false);
            roundTrips.Add((DateTime.UtcNow - started).TotalMilliseconds);
        }

        double roundTrip = Stats.Median(roundTrips);
        using PsSession session = PsSession.Connected(host.BaseAddress, subscription);
        string prelude = $"$pkg = '{RawManagement.PackageUrl}'; $cfg = '{RawManagement.Configuration(Domains)}'; ";
        session.Invoke(prelude + "$null = Invoke-UpgradeDeployment -ServiceName warmup -Slot Production -Mode Auto -Package $pkg -Configuration $cfg -Label warm -Wait");

        double emulated = domainDuration.TotalMilliseconds * Domains;
        var ratios = new List<double>();
        var elapsed = new List<double>();
        var pollRates = new List<double>();
        var polls = new List<double>();
        var progressReads = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            host.Requests.Clear();
            TimeSpan took = session.Time(prelude +
                $"$null = Invoke-UpgradeDeployment -ServiceName latency -Slot Production -Mode Auto -Package $pkg -Configuration $cfg -Label v{run + 2} -Wait");
            var log = host.Requests.Snapshot();
            int count = log.Count(r => r.Method == "GET" && r.Path.Contains("/operations/", StringComparison.OrdinalIgnoreCase));
            progressReads.Add(log.Count(r => r.Method == "GET" && r.Path.Contains("/deployment", StringComparison.OrdinalIgnoreCase)));
            elapsed.Add(took.TotalMilliseconds);
            ratios.Add(took.TotalMilliseconds / (emulated + roundTrip));
            polls.Add(count);
            pollRates.Add(count / took.TotalSeconds);
        }

        double ratio = Stats.Median(ratios);
        double rate = Stats.Median(pollRates);
        var details = new Dictionary<string, double>
        {
            ["emulated_ms"] = emulated,
            ["round_trip_ms"] = roundTrip,
            ["elapsed_median_ms"] = Stats.Median(elapsed),
            ["elapsed_max_ms"] = elapsed.Max(),
            ["polls_median"] = Stats.Median(polls),
            ["progress_reads_median"] = Stats.Median(progressReads),
            ["runs"] = runs,
        };
        return new[]
        {
            new BenchmarkResult("wait-latency", $"-Wait elapsed, Auto upgrade of {Domains} x {domainDuration.TotalMilliseconds:0} ms",
                Stats.Median(elapsed), "ms", "emulated duration + one round trip", emulated + roundTrip, ratio,
                $"ratio <= {TargetRatio:0.00}", ratio <= TargetRatio, details),
            new BenchmarkResult("wait-polls", "Get Operation Status polls per second of -Wait",
                rate, "polls/s", "one poll per second", 1.0, rate / 1.0,
                $"<= {TargetPollsPerSecond:0} poll/s", rate <= TargetPollsPerSecond, details),
        };
    }
}
