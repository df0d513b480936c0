using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Emulator;
using ClassicDeploy.Models;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// (a) How late each way of waiting for an Auto upgrade returns, all started at the same moment on deployments
/// of their own in one emulator (each in its own subscription, so the request log tells their requests apart):
/// <list type="bullet">
/// <item><c>Invoke-UpgradeDeployment -Wait</c> in real pwsh (the module under test), with its progress bar shown
/// (<c>$ProgressPreference = 'Continue'</c>) and, in a second pwsh, hidden (<c>'SilentlyContinue'</c>, as runbooks often run);</item>
/// <item>hand-written <c>Invoke-RestMethod</c> loops in real pwsh that sleep 1 s and 5 s between polls;</item>
/// <item>the module's previous <c>-Wait</c> schedule (adaptive Get Operation Status polls, each followed by a Get
/// Deployment for the progress bar), run through the client library;</item>
/// <item>Microsoft's generated clients' schedule (first poll after 30 s, then every 30 s; first run only);</item>
/// <item>the ideal: a probe polling every 5 ms, i.e. the emulated duration plus a round trip.</item>
/// </list>
/// Each figure is elapsed / the probe's elapsed, with the requests of each kind.
/// </summary>
internal static class WaitLatencyBenchmark
{
    public const int Domains = 5;
    public const double TargetRatio = 1.03;

    private const string Module = "module";
    private const string ModuleQuiet = "module-quiet";
    private const string Loop1 = "loop-1s";
    private const string Loop5 = "loop-5s";
    private const string Previous = "previous";
    private const string Microsoft30 = "microsoft-30s";
    private const string Probe = "ideal";
    private static readonly string[] Strategies = { Module, ModuleQuiet, Loop1, Loop5, Previous, Microsoft30, Probe };

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(double upgradeSeconds, int runs, bool microsoft)
    {
        TimeSpan domain = DomainFor(TimeSpan.FromSeconds(upgradeSeconds));
        await using EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            InMemory = true,
            UpgradeDomainCount = Domains,
            UpgradeDomainDuration = domain,
            AcceptDuration = domain / 4,
            InstanceStartDuration = domain / 2,
        }).ConfigureAwait(false);
        var raws = Strategies.ToDictionary(s => s, s => new RawManagement(host.BaseAddress, Guid.NewGuid().ToString()));
        try
        {
            var created = new Dictionary<string, string>();
            foreach ((string strategy, RawManagement raw) in raws)
            {
                created[strategy] = await raw.CreateServiceAsync("wait-" + strategy, Domains).ConfigureAwait(false);
            }

            var elapsed = Strategies.ToDictionary(s => s, _ => new List<double>());
            var statusPolls = Strategies.ToDictionary(s => s, _ => new List<double>());
            var deploymentReads = Strategies.ToDictionary(s => s, _ => new List<double>());
            for (int run = 0; run < runs; run++)
            {
                string label = "v" + (run + 2);
                using Pwsh module = Pwsh.Start(ModuleScript(host.BaseAddress, raws[Module], Module, created[Module], label, progressShown: true));
                using Pwsh quiet = Pwsh.Start(ModuleScript(host.BaseAddress, raws[ModuleQuiet], ModuleQuiet, created[ModuleQuiet], label, progressShown: false));
                using Pwsh loop1 = Pwsh.Start(LoopScript(raws[Loop1], label, 1));
                using Pwsh loop5 = Pwsh.Start(LoopScript(raws[Loop5], label, 5));
                Pwsh[] shells = { module, quiet, loop1, loop5 };
                foreach (Pwsh shell in shells)
                {
                    await shell.WhenReadyAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
                }

                host.Requests.Clear();
                foreach (Pwsh shell in shells)
                {
                    shell.Go();
                }

                var timed = new Dictionary<string, Task<double>>
                {
                    [Previous] = PreviousScheduleAsync(host.BaseAddress, raws[Previous], label),
                    [Probe] = PollEveryAsync(raws[Probe], "wait-" + Probe, label, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5)),
                };
                if (run == 0 && microsoft)
                {
                    timed[Microsoft30] = PollEveryAsync(raws[Microsoft30], "wait-" + Microsoft30, label, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
                }

                timed[Module] = Elapsed(module);
                timed[ModuleQuiet] = Elapsed(quiet);
                timed[Loop1] = Elapsed(loop1);
                timed[Loop5] = Elapsed(loop5);
                await Task.WhenAll(timed.Values).ConfigureAwait(false);

                IReadOnlyList<RequestLogEntry> log = host.Requests.Snapshot();
                foreach ((string strategy, Task<double> took) in timed)
                {
                    string subscription = raws[strategy].SubscriptionId;
                    var mine = log.Where(r => r.SubscriptionId == subscription && r.Method == "GET").ToList();
                    elapsed[strategy].Add(took.Result);
                    statusPolls[strategy].Add(mine.Count(r => r.Path.Contains("/operations/", StringComparison.OrdinalIgnoreCase)));
                    deploymentReads[strategy].Add(mine.Count(r => r.Path.Contains("/hostedservices/", StringComparison.OrdinalIgnoreCase)));
                }
            }

            double ideal = Stats.Median(elapsed[Probe]);
            var details = new Dictionary<string, double>
            {
                ["ideal_ms"] = ideal,
                ["runs"] = runs,
            };
            foreach (string strategy in Strategies.Where(s => elapsed[s].Count > 0 && s != Probe))
            {
                string key = strategy.Replace('-', '_');
                details[key + "_ratio"] = Stats.Median(elapsed[strategy]) / ideal;
                details[key + "_ms"] = Stats.Median(elapsed[strategy]);
                details[key + "_status_polls"] = Stats.Median(statusPolls[strategy]);
                details[key + "_deployment_reads"] = Stats.Median(deploymentReads[strategy]);
            }

            details["module_max_ratio"] = elapsed[Module].Max() / ideal;
            double ratio = details["module_ratio"];
            double requests = details["module_status_polls"] + details["module_deployment_reads"];
            double loopRequests = details["loop_1s_status_polls"];
            return new[]
            {
                new BenchmarkResult(
                    $"wait-{upgradeSeconds:0.0}s",
                    $"-Wait on a {upgradeSeconds:0.0} s Auto upgrade ({Domains} domains of {domain.TotalMilliseconds:0} ms, instances starting in half that; real pwsh), against a 5 ms probe",
                    Stats.Median(elapsed[Module]), "ms", "5 ms probe (emulated time + round trip)", ideal, ratio,
                    $"ratio <= {TargetRatio:0.00}", ratio <= TargetRatio, details),
                new BenchmarkResult(
                    $"wait-requests-{upgradeSeconds:0.0}s",
                    $"-Wait requests (status polls + deployment reads) on the {upgradeSeconds:0.0} s upgrade, against the 1 s Invoke-RestMethod loop",
                    requests, "req", "1 s loop's requests", loopRequests, requests / loopRequests,
                    "< 1 s loop", requests < loopRequests, details),
                new BenchmarkResult(
                    $"wait-quiet-{upgradeSeconds:0.0}s",
                    $"-Wait with $ProgressPreference = 'SilentlyContinue' on the {upgradeSeconds:0.0} s upgrade: latency against the 5 ms probe (requests in details)",
                    Stats.Median(elapsed[ModuleQuiet]), "ms", "5 ms probe (emulated time + round trip)", ideal, details["module_quiet_ratio"],
                    $"ratio <= {TargetRatio:0.00}", details["module_quiet_ratio"] <= TargetRatio, details),
            };
        }
        finally
        {
            foreach (RawManagement raw in raws.Values)
            {
                raw.Dispose();
            }
        }
    }

    /// <summary>
    /// The upgrade domain duration that makes an Auto upgrade of <see cref="Domains"/> domains last <paramref name="upgrade"/>:
    /// accepted in a quarter of a domain, each domain walked, and the instances of all but the last started in half a domain.
    /// </summary>
    public static TimeSpan DomainFor(TimeSpan upgrade) => upgrade / (0.25 + Domains + ((Domains - 1) * 0.5));

    private static async Task<double> Elapsed(Pwsh shell)
    {
        JsonElement result = await shell.ResultAsync(TimeSpan.FromMinutes(3)).ConfigureAwait(false);
        if (result.GetProperty("status").GetString() != "Succeeded")
        {
            throw new InvalidOperationException("the upgrade did not succeed: " + result);
        }

        return result.GetProperty("elapsedMs").GetDouble();
    }

    private static string ModuleScript(Uri endpoint, RawManagement raw, string strategy, string finishedOperation, string label, bool progressShown) =>
        // The harness hides progress in every script; the module's first run shows it, as in an interactive session.
        (progressShown ? "$ProgressPreference = 'Continue'\n" : string.Empty) +
        $"Import-Module {Pwsh.Quote(RepoPaths.ModuleManifest)}\n" +
        $"Connect-ClassicDeploy -SubscriptionId {Pwsh.Quote(raw.SubscriptionId)} -Endpoint {Pwsh.Quote(endpoint.ToString())}\n" +
        $"$pkg = {Pwsh.Quote(RawManagement.PackageUrl)}; $cfg = {Pwsh.Quote(RawManagement.Configuration(Domains))}\n" +
        $"$svc = 'wait-{strategy}'\n" +
        // Warm up what the timed part runs: binding, a read, a wait on a finished operation.
        "$null = Get-Deployment -ServiceName $svc -Slot Production\n" +
        $"$null = Wait-DeploymentOperation -RequestId {Pwsh.Quote(finishedOperation)}\n" +
        "$null = Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Auto -Package $pkg -Configuration $cfg -Label warm -WhatIf\n" +
        Pwsh.WaitForGo +
        "$sw = [Diagnostics.Stopwatch]::StartNew()\n" +
        $"$op = Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Auto -Package $pkg -Configuration $cfg -Label {Pwsh.Quote(label)} -Wait\n" +
        "$ms = $sw.Elapsed.TotalMilliseconds\n" +
        "[pscustomobject]@{ elapsedMs = $ms; status = [string]$op.Status } | ConvertTo-Json -Compress\n";

    /// <summary>What a user writes without the module: POST the upgrade, then sleep and poll Get Operation Status.</summary>
    private static string LoopScript(RawManagement raw, string label, int sleepSeconds) =>
        $"$root = {Pwsh.Quote(raw.Root.ToString())}\n" +
        "$h = @{ 'x-ms-version' = '2017-01-01' }\n" +
        $"$body = {Pwsh.Quote(RawManagement.UpgradeBody(label, Domains))}\n" +
        $"$svc = 'wait-loop-{sleepSeconds}s'\n" +
        "$null = Invoke-RestMethod -Uri \"${root}services/hostedservices/$svc/deploymentslots/production\" -Headers $h\n" +
        Pwsh.WaitForGo +
        "$sw = [Diagnostics.Stopwatch]::StartNew()\n" +
        "$null = Invoke-RestMethod -Method Post -Uri \"${root}services/hostedservices/$svc/deploymentslots/production/?comp=upgrade\" -Headers $h -Body $body -ContentType 'application/xml' -ResponseHeadersVariable rh\n" +
        "$id = @($rh['x-ms-request-id'])[0]\n" +
        $"do {{ Start-Sleep -Seconds {sleepSeconds}; $op = Invoke-RestMethod -Uri \"${{root}}operations/$id\" -Headers $h }} while ($op.Operation.Status -eq 'InProgress')\n" +
        "$ms = $sw.Elapsed.TotalMilliseconds\n" +
        "[pscustomobject]@{ elapsedMs = $ms; status = [string]$op.Operation.Status } | ConvertTo-Json -Compress\n";

    /// <summary>POST the upgrade, wait <paramref name="first"/>, then poll every <paramref name="every"/> until it is over.</summary>
    private static async Task<double> PollEveryAsync(RawManagement raw, string service, string label, TimeSpan first, TimeSpan every)
    {
        var stopwatch = Stopwatch.StartNew();
        string requestId = await raw.UpgradeAsync(service, label, Domains).ConfigureAwait(false);
        await Task.Delay(first).ConfigureAwait(false);
        while (!await raw.IsDoneAsync(requestId).ConfigureAwait(false))
        {
            await Task.Delay(every).ConfigureAwait(false);
        }

        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>The module's previous -Wait: adaptive status polls, and a Get Deployment for progress after each that found the upgrade running.</summary>
    private static async Task<double> PreviousScheduleAsync(Uri endpoint, RawManagement raw, string label)
    {
        using var client = new ServiceManagementClient(new ServiceManagementClientOptions { Endpoint = endpoint, SubscriptionId = raw.SubscriptionId });
        DeploymentTarget target = DeploymentTarget.BySlot("wait-" + Previous, DeploymentSlot.Production);
        var stopwatch = Stopwatch.StartNew();
        AcceptedOperation accepted = await client.UpgradeDeploymentAsync(target, new UpgradeDeploymentRequest
        {
            Mode = UpgradeMode.Auto,
            PackageUrl = RawManagement.PackageUrl,
            Configuration = RawManagement.Configuration(Domains),
            Label = label,
        }, CancellationToken.None).ConfigureAwait(false);
        OperationStatus status = await client.WaitForOperationAsync(
            accepted.RequestId,
            async (s, ct) =>
            {
                if (s.Status == OperationState.InProgress)
                {
                    _ = await client.GetDeploymentAsync(target, ct).ConfigureAwait(false);
                }
            },
            null,
            CancellationToken.None).ConfigureAwait(false);
        if (status.Status != OperationState.Succeeded)
        {
            throw new InvalidOperationException("the upgrade did not succeed: " + status.Status);
        }

        return stopwatch.Elapsed.TotalMilliseconds;
    }
}
