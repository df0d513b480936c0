using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using ClassicDeploy.Emulator;
using ClassicDeploy.Emulator.State;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// (f) Monitored rolling upgrades against the emulator with a crashing package ("*bad*"):
/// the blast radius, the share of instances whose upgrade domain the bad package ever reached, of a
/// gated Manual upgrade (-HealthCheck … -FailureAction Rollback) against a plain Auto upgrade of the
/// same deployment (target: one domain's share against all); and the time from the first failed
/// check to the rollback being accepted by the emulator, against one steady poll interval (1 s).
/// </summary>
internal static class MonitoredUpgradeBenchmark
{
    public const int Domains = 5;
    private const string Ns = "http://schemas.microsoft.com/windowsazure";
    private const string BadPackage = "https://packages.example.invalid/app/v2-bad.cspkg";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(TimeSpan domainDuration, int runs)
    {
        var options = new EmulatorOptions
        {
            InMemory = true,
            UpgradeDomainCount = Domains,
            UpgradeDomainDuration = domainDuration,
            StartTimeout = domainDuration,
        };
        options.PackageBehaviors.Add(new PackageBehaviorRule("*bad*", PackageBehavior.Crash));
        await using EmulatorHost host = await EmulatorHost.StartAsync(options).ConfigureAwait(false);
        string subscription = Guid.NewGuid().ToString();
        using var raw = new RawManagement(host.BaseAddress, subscription);
        using PsSession session = PsSession.Connected(host.BaseAddress, subscription);
        string cfg = RawManagement.Configuration(Domains * 2);
        double timeout = domainDuration.TotalSeconds * 4;

        var gated = new List<double>();
        var plain = new List<double>();
        var toRollback = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            string a = $"gated{run}";
            await raw.CreateServiceAsync(a, Domains * 2).ConfigureAwait(false);
            gated.Add(await ReachedShareAsync(raw, a, () => Expect("RolledBack", session.InvokeExpectingErrors(
                $"(Invoke-UpgradeDeployment -ServiceName {a} -Slot Production -Mode Manual -Package '{BadPackage}' -Configuration '{cfg}' -Wait " +
                $"-HealthCheck {{ $true }} -HealthCheckInterval 0.05 -UpgradeDomainTimeout {timeout} -FailureAction Rollback).Outcome")) == "Completed").ConfigureAwait(false));

            string b = $"plain{run}";
            await raw.CreateServiceAsync(b, Domains * 2).ConfigureAwait(false);
            plain.Add(await ReachedShareAsync(raw, b, () => session.Invoke(
                $"(Invoke-UpgradeDeployment -ServiceName {b} -Slot Production -Mode Auto -Package '{BadPackage}' -Configuration '{cfg}' -Wait).Status").Single().ToString() == "Succeeded").ConfigureAwait(false));

            string c = $"rollback{run}";
            await raw.CreateServiceAsync(c, Domains * 2).ConfigureAwait(false);
            host.Requests.Clear();
            Expect("RolledBack", session.InvokeExpectingErrors(
                $"$global:failedAt = $null; (Invoke-UpgradeDeployment -ServiceName {c} -Slot Production -Mode Manual -Package '{RawManagement.PackageUrl}' -Configuration '{cfg}' -Wait " +
                "-HealthCheck { $global:failedAt = [DateTimeOffset]::UtcNow; $false } -HealthCheckInterval 0.05 -FailureAction Rollback).Outcome"));
            var failedAt = (DateTimeOffset)session.Invoke("$global:failedAt").Single().BaseObject;
            RequestLogEntry rollback = host.Requests.Snapshot().Single(r => r.Method == "POST" && r.Query.Contains("comp=rollback", StringComparison.Ordinal) && r.StatusCode == 202);
            toRollback.Add((rollback.Time - failedAt).TotalMilliseconds + rollback.ElapsedMs);
        }

        double gatedShare = Stats.Median(gated);
        double plainShare = Stats.Median(plain);
        double ratio = gatedShare / plainShare;
        double ms = Stats.Median(toRollback);
        return new[]
        {
            new BenchmarkResult(
                "blast-radius",
                $"share of instances a crashing package reached, gated Manual vs plain Auto, {Domains} domains x {domainDuration.TotalMilliseconds:0} ms",
                gatedShare,
                "share",
                "plain Auto, same deployment",
                plainShare,
                ratio,
                $"ratio <= 1/{Domains}",
                ratio <= (1.0 / Domains) + 1e-9,
                new Dictionary<string, double> { ["runs"] = runs, ["gated max"] = gated.Max(), ["plain min"] = plain.Min() }),
            new BenchmarkResult(
                "time-to-rollback",
                "first failed health check to Rollback Update Or Upgrade accepted (202)",
                ms,
                "ms",
                "one steady poll interval",
                PollInterval.TotalMilliseconds,
                ms / PollInterval.TotalMilliseconds,
                "ratio <= 1",
                ms <= PollInterval.TotalMilliseconds,
                new Dictionary<string, double> { ["runs"] = runs, ["max ms"] = toRollback.Max() }),
        };
    }

    private static string Expect(string outcome, System.Collections.ObjectModel.Collection<System.Management.Automation.PSObject> output)
    {
        string got = string.Join(",", output.Select(o => o.ToString()));
        if (got != outcome)
        {
            throw new InvalidOperationException($"The monitored upgrade ended {got}, not {outcome}.");
        }

        return got;
    }

    /// <summary>
    /// Runs <paramref name="upgrade"/> while reading the deployment every 10 ms; the share of instances
    /// in the upgrade domains the update reached (seen being walked, or left behind by the current one);
    /// all of them when <paramref name="upgrade"/> says the update completed.
    /// </summary>
    private static async Task<double> ReachedShareAsync(RawManagement raw, string service, Func<bool> upgrade)
    {
        var reached = new ConcurrentDictionary<int, bool>();
        int total = 0;
        using var done = new CancellationTokenSource();
        Task watching = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                XElement d = XElement.Parse(await raw.GetDeploymentAsync(service).ConfigureAwait(false));
                total = d.Descendants(XName.Get("RoleInstance", Ns)).Count();
                XElement? status = d.Element(XName.Get("UpgradeStatus", Ns));
                if (status != null)
                {
                    int current = int.Parse(status.Element(XName.Get("CurrentUpgradeDomain", Ns))!.Value, System.Globalization.CultureInfo.InvariantCulture);
                    bool during = status.Element(XName.Get("CurrentUpgradeDomainState", Ns))!.Value == "During";
                    for (int i = 0; i < current + (during ? 1 : 0); i++)
                    {
                        reached[i] = true;
                    }
                }

                await Task.Delay(10).ConfigureAwait(false);
            }
        });
        bool completed = upgrade();
        done.Cancel();
        await watching.ConfigureAwait(false);
        if (completed)
        {
            // The update went through to its end with the crashing package: every domain ran it.
            return 1.0;
        }

        // One instance per role per domain index: instance i is in domain i mod Domains.
        return total == 0 ? 0 : reached.Count * (total / (double)Domains) / total;
    }
}
