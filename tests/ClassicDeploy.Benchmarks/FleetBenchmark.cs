using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Emulator;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// (b) A fleet: N services upgraded from one real pwsh script that starts every upgrade without -Wait and pipes
/// the operations to <c>Wait-DeploymentOperation</c>, for N = 1, 50, 200 (each fleet in its own subscription).
/// Wall time against the one-service fleet measured in the same run; the requests the wait spends (from the
/// emulator's request log), requests per second, and the pwsh process's peak working set.
/// </summary>
internal static class FleetBenchmark
{
    public const int Domains = 5;
    public const double TargetRatio = 1.05;

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(int[] sizes, TimeSpan domainDuration, int runs)
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            InMemory = true,
            UpgradeDomainCount = Domains,
            UpgradeDomainDuration = domainDuration,
            AcceptDuration = domainDuration / 4,
            InstanceStartDuration = domainDuration / 2,
        }).ConfigureAwait(false);
        var fleets = new Dictionary<int, (RawManagement Raw, string Finished)>();
        try
        {
            foreach (int size in sizes)
            {
                var raw = new RawManagement(host.BaseAddress, Guid.NewGuid().ToString());
                using var throttle = new SemaphoreSlim(16);
                string[] ops = await Task.WhenAll(Enumerable.Range(0, size).Select(async i =>
                {
                    await throttle.WaitAsync().ConfigureAwait(false);
                    try
                    {
                        return await raw.CreateServiceAsync(Name(size, i), Domains).ConfigureAwait(false);
                    }
                    finally
                    {
                        throttle.Release();
                    }
                })).ConfigureAwait(false);
                fleets[size] = (raw, ops[0]);
            }

            // Each fleet twice per run: progress shown (the default $ProgressPreference) and hidden (a runbook).
            var keys = sizes.SelectMany(s => new[] { (s, true), (s, false) }).ToList();
            var wall = keys.ToDictionary(s => s, _ => new List<double>());
            var started = keys.ToDictionary(s => s, _ => new List<double>());
            var peak = keys.ToDictionary(s => s, _ => new List<double>());
            var waitRequests = keys.ToDictionary(s => s, _ => new List<double>());
            var statusPolls = keys.ToDictionary(s => s, _ => new List<double>());
            var listPolls = keys.ToDictionary(s => s, _ => new List<double>());
            var deploymentReads = keys.ToDictionary(s => s, _ => new List<double>());
            var serviceReads = keys.ToDictionary(s => s, _ => new List<double>());
            for (int run = 0; run < runs; run++)
            {
                // One fleet at a time: the machine has two cores, and the fleets must not slow each other.
                foreach ((int size, bool progress) key in keys)
                {
                    int size = key.size;
                    (RawManagement raw, string finished) = fleets[size];
                    string label = "v" + (run + 2) + (key.progress ? "p" : "s");
                    using Pwsh shell = Pwsh.Start(Script(host.BaseAddress, raw, finished, size, label, key.progress));
                    await shell.WhenReadyAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
                    host.Requests.Clear();
                    shell.Go();
                    JsonElement result = await shell.ResultAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
                    if (result.GetProperty("succeeded").GetInt32() != size)
                    {
                        throw new InvalidOperationException($"{size} upgrades, {result.GetProperty("succeeded").GetInt32()} succeeded: {result}");
                    }

                    var log = host.Requests.Snapshot().Where(r => r.SubscriptionId == raw.SubscriptionId && r.Method == "GET").ToList();
                    wall[key].Add(result.GetProperty("elapsedMs").GetDouble());
                    started[key].Add(result.GetProperty("startedMs").GetDouble());
                    peak[key].Add(result.GetProperty("peakWorkingSetMb").GetDouble());
                    int list = log.Count(r => r.Path.EndsWith("/operations", StringComparison.OrdinalIgnoreCase));
                    int status = log.Count(r => r.Path.Contains("/operations/", StringComparison.OrdinalIgnoreCase));
                    int deployments = log.Count(r => r.Path.Contains("/deployment", StringComparison.OrdinalIgnoreCase));
                    int services = log.Count(r => r.Path.Contains("/hostedservices", StringComparison.OrdinalIgnoreCase)) - deployments;
                    listPolls[key].Add(list);
                    statusPolls[key].Add(status);
                    deploymentReads[key].Add(deployments);
                    serviceReads[key].Add(services);
                    waitRequests[key].Add(log.Count);
                }
            }

            int one = sizes.Min();
            double baseline = Stats.Median(wall[(one, true)]);
            var results = new List<BenchmarkResult>();
            foreach (int size in sizes)
            {
                var details = new Dictionary<string, double> { ["runs"] = runs };
                foreach (bool progress in new[] { true, false })
                {
                    var key = (size, progress);
                    string p = progress ? string.Empty : "hidden_progress_";
                    double median = Stats.Median(wall[key]);
                    double waitSeconds = (median - Stats.Median(started[key])) / 1000;
                    details[p + "ratio"] = median / Stats.Median(wall[(one, progress)]);
                    details[p + "wall_ms"] = median;
                    details[p + "started_all_ms"] = Stats.Median(started[key]);
                    details[p + "wait_gets"] = Stats.Median(waitRequests[key]);
                    details[p + "wait_gets_per_s"] = Stats.Median(waitRequests[key]) / waitSeconds;
                    details[p + "list_operations"] = Stats.Median(listPolls[key]);
                    details[p + "status_polls"] = Stats.Median(statusPolls[key]);
                    details[p + "deployment_reads"] = Stats.Median(deploymentReads[key]);
                    details[p + "service_reads"] = Stats.Median(serviceReads[key]);
                    details[p + "peak_working_set_mb"] = Stats.Median(peak[key]);
                }

                double ratio = details["ratio"];
                results.Add(new BenchmarkResult(
                    $"fleet-{size}",
                    $"{size} Auto upgrades ({Domains} domains of {domainDuration.TotalMilliseconds:0} ms) started, then piped to Wait-DeploymentOperation (real pwsh, progress shown)",
                    details["wall_ms"], "ms", $"the same script with {one} service", baseline, ratio,
                    $"ratio <= {TargetRatio:0.00}", size == one || ratio <= TargetRatio, details));
            }

            return results;
        }
        finally
        {
            foreach ((RawManagement raw, _) in fleets.Values)
            {
                raw.Dispose();
            }
        }
    }

    private static string Name(int size, int i) => $"fleet{size}-{i:000}";

    private static string Script(Uri endpoint, RawManagement raw, string finished, int size, string label, bool progress) =>
        (progress ? "$ProgressPreference = 'Continue'\n" : string.Empty) +
        $"Import-Module {Pwsh.Quote(RepoPaths.ModuleManifest)}\n" +
        $"Connect-ClassicDeploy -SubscriptionId {Pwsh.Quote(raw.SubscriptionId)} -Endpoint {Pwsh.Quote(endpoint.ToString())}\n" +
        $"$pkg = {Pwsh.Quote(RawManagement.PackageUrl)}; $cfg = {Pwsh.Quote(RawManagement.Configuration(Domains))}\n" +
        $"$services = @(0..{size - 1} | ForEach-Object {{ 'fleet{size}-{{0:000}}' -f $_ }})\n" +
        "$null = Get-Deployment -ServiceName $services[0] -Slot Production\n" +
        $"$null = Wait-DeploymentOperation -RequestId {Pwsh.Quote(finished)}\n" +
        "$null = Invoke-UpgradeDeployment -ServiceName $services[0] -Slot Production -Mode Auto -Package $pkg -Configuration $cfg -Label warm -WhatIf\n" +
        Pwsh.WaitForGo +
        "$sw = [Diagnostics.Stopwatch]::StartNew()\n" +
        $"$ops = foreach ($s in $services) {{ Invoke-UpgradeDeployment -ServiceName $s -Slot Production -Mode Auto -Package $pkg -Configuration $cfg -Label {Pwsh.Quote(label)} }}\n" +
        "$startedMs = $sw.Elapsed.TotalMilliseconds\n" +
        "$done = $ops | Wait-DeploymentOperation\n" +
        "$ms = $sw.Elapsed.TotalMilliseconds\n" +
        "$peak = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB\n" +
        "[pscustomobject]@{ elapsedMs = $ms; startedMs = $startedMs; peakWorkingSetMb = $peak; succeeded = @($done | Where-Object Status -eq 'Succeeded').Count } | ConvertTo-Json -Compress\n";
}
