using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClassicDeploy.Emulator;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// (b) 50 services upgraded in parallel from one script, against the same script with one service, two ways:
/// <c>ForEach-Object -Parallel</c> (each parallel runspace imports the module and connects, as it must), and one
/// runspace that starts every upgrade and then pipes the operations to <c>Wait-DeploymentOperation</c>.
/// </summary>
internal static class FanOutBenchmark
{
    public const int Domains = 5;
    public const double Target = 1.5;

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(int services, TimeSpan domainDuration, int runs)
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

        string all50 = "'" + string.Join("','", names) + "'";
        session.Invoke($"Import-Module $module -ErrorAction Stop; Connect-ClassicDeploy -SubscriptionId $sub -Endpoint $endpoint");
        var single = new List<double>();
        var fanned = new List<double>();
        var setupOnly = new List<double>();
        var firstPost = new List<double>();
        var lastPost = new List<double>();
        var lastGet = new List<double>();
        var requestCount = new List<double>();
        var startThenWait = new List<double>();
        var singleStartThenWait = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            single.Add(session.Time(Script("'solo'", $"v{run + 2}")).TotalMilliseconds);
            host.Requests.Clear();
            DateTimeOffset began = DateTimeOffset.UtcNow;
            fanned.Add(session.Time(Script(all50, $"v{run + 2}")).TotalMilliseconds);
            var posts = host.Requests.Snapshot().Where(r => r.Method == "POST").Select(r => (r.Time - began).TotalMilliseconds).OrderBy(t => t).ToList();
            var gets = host.Requests.Snapshot().Where(r => r.Method == "GET").Select(r => (r.Time - began).TotalMilliseconds).OrderBy(t => t).ToList();
            firstPost.Add(posts.First());
            lastPost.Add(posts.Last());
            lastGet.Add(gets.Last());
            requestCount.Add(host.Requests.Snapshot().Count);
            setupOnly.Add(session.Time(SetupOnly(all50)).TotalMilliseconds);
            singleStartThenWait.Add(session.Time(StartThenWait("'solo'", $"w{run + 2}")).TotalMilliseconds);
            startThenWait.Add(session.Time(StartThenWait(all50, $"w{run + 2}")).TotalMilliseconds);
        }

        // What one parallel runspace costs before its upgrade starts: create and open it, import, connect,
        // first call (this process is warm, so no JIT is counted).
        var perRunspace = new List<double>();
        for (int i = 0; i < 10; i++)
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            using PsSession fresh = PsSession.Connected(host.BaseAddress, subscription);
            fresh.Invoke("$null = Get-Deployment -ServiceName solo -Slot Production");
            perRunspace.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        double all = Stats.Median(fanned);
        double one = Stats.Median(single);
        double sequentialStart = Stats.Median(startThenWait);
        double sequentialOne = Stats.Median(singleStartThenWait);
        var details = new Dictionary<string, double>
        {
            ["services"] = services,
            ["emulated_ms"] = Domains * domainDuration.TotalMilliseconds,
            ["parallel_max_ms"] = fanned.Max(),
            ["parallel_first_upgrade_post_at_ms"] = Stats.Median(firstPost),
            ["parallel_last_upgrade_post_at_ms"] = Stats.Median(lastPost),
            ["parallel_last_get_at_ms"] = Stats.Median(lastGet),
            ["parallel_requests"] = Stats.Median(requestCount),
            ["parallel_import_connect_only_ms"] = Stats.Median(setupOnly),
            ["fresh_runspace_to_first_call_ms"] = Stats.Median(perRunspace),
            ["runs"] = runs,
        };
        return new[]
        {
            new BenchmarkResult("fan-out-parallel",
                $"{services} services, ForEach-Object -Parallel (import + connect + upgrade -Wait per runspace), {Domains} x {domainDuration.TotalMilliseconds:0} ms each",
                all, "ms", "the same script with one service", one, all / one, $"ratio <= {Target}", all / one <= Target, details),
            new BenchmarkResult("fan-out-start-then-wait",
                $"{services} services, one runspace: start every upgrade, then pipe the operations to Wait-DeploymentOperation",
                sequentialStart, "ms", "the same script with one service", sequentialOne, sequentialStart / sequentialOne, $"ratio <= {Target}",
                sequentialStart / sequentialOne <= Target, details),
        };
    }

    /// <summary>What the parallel runspaces cost before they upgrade anything.</summary>
    private static string SetupOnly(string names) =>
        $"{names} | ForEach-Object -ThrottleLimit 64 -Parallel {{ " +
        "Import-Module $using:module -ErrorAction Stop; Connect-ClassicDeploy -SubscriptionId $using:sub -Endpoint $using:endpoint -ErrorAction Stop }";

    /// <summary>The single-runspace pattern: start every upgrade (no -Wait), then wait for the operations in turn.</summary>
    private static string StartThenWait(string names, string label) =>
        $"$ops = foreach ($n in @({names})) {{ Invoke-UpgradeDeployment -ServiceName $n -Slot Production -Mode Auto -Package $pkg -Configuration $cfg -Label '{label}' -ErrorAction Stop }}; " +
        "$null = $ops | Wait-DeploymentOperation -ErrorAction Stop";

    private static string Script(string names, string label) =>
        $"{names} | ForEach-Object -ThrottleLimit 64 -Parallel {{ " +
        "Import-Module $using:module -ErrorAction Stop; " +
        "Connect-ClassicDeploy -SubscriptionId $using:sub -Endpoint $using:endpoint -ErrorAction Stop; " +
        $"$null = Invoke-UpgradeDeployment -ServiceName $_ -Slot Production -Mode Auto -Package $using:pkg -Configuration $using:cfg -Label '{label}' -Wait -ErrorAction Stop }}";
}
