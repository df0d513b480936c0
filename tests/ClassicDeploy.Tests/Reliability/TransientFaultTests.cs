using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ClassicDeploy.Emulator;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Reliability;

/// <summary>
/// A runbook upgrading 20 services against an emulator that faults 20% of requests: 503 (with Retry-After) for
/// every method, 500 / connection reset / latency for GET only (those would leave a mutation ambiguous, so the
/// client must not retry a mutation after them). The runbook completes, and the request log shows every
/// mutation accepted exactly once.
/// </summary>
public sealed class TransientFaultTests
{
    private const int Services = 20;

    [Fact]
    public async Task A_runbook_of_twenty_upgrades_rides_out_twenty_percent_faults_and_mutates_each_service_once()
    {
        var faults = new FaultInjectionOptions { Rate = 0, Seed = 20261123, Latency = TimeSpan.FromMilliseconds(20), RetryAfterSeconds = 0 };
        foreach (FaultKind kind in new[] { FaultKind.InternalError, FaultKind.ConnectionReset, FaultKind.Latency })
        {
            faults.KindMethods[kind] = new HashSet<string> { "GET" };
        }

        await using EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            InMemory = true,
            UpgradeDomainDuration = TimeSpan.FromMilliseconds(10),
            Faults = faults,
        });
        using PowerShellSession session = PowerShellSession.Open(host.BaseAddress, Guid.NewGuid().ToString());
        string names = string.Join(",", Enumerable.Range(1, Services).Select(i => $"'flaky{i:00}'"));
        session.Expect(Scenario.Prelude + $"; foreach ($n in @({names})) {{ {Scenario.CreateService("$n")} }}", TimeSpan.FromSeconds(120));

        host.Requests.Clear();
        faults.Rate = 0.2;
        ScriptResult runbook = session.Run(Scenario.Prelude + $$"""
            ; $i = 0
            foreach ($n in @({{names}})) {
                $i++
                if ($i % 2 -eq 0) {
                    Invoke-UpgradeDeployment -ServiceName $n -Slot Production -Mode Auto -Package $pkg -Configuration $cfg -Label v2 -Wait
                } else {
                    Invoke-UpgradeDeployment -ServiceName $n -Slot Production -Mode Manual -Package $pkg -Configuration $cfg -Label v2 -Wait
                    Step-UpgradeDomain -ServiceName $n -Slot Production -All -Wait
                }
            }
            """, TimeSpan.FromSeconds(180));
        faults.Rate = 0;

        Assert.True(runbook.Errors.Count == 0, runbook.ErrorText);
        IReadOnlyList<RequestLogEntry> log = host.Requests.Snapshot();
        Assert.Contains(log, r => r.Fault == FaultKind.ServiceUnavailable && r.Method == "POST");
        Assert.Contains(log, r => r.Fault == FaultKind.InternalError);
        Assert.Contains(log, r => r.Fault == FaultKind.ConnectionReset);
        Assert.All(log.Where(r => r.Method != "GET" && r.Fault is not null), r => Assert.Equal(FaultKind.ServiceUnavailable, r.Fault));
        Assert.All(runbook.Output, op => Assert.Equal("Succeeded", op.Properties["Status"].Value.ToString()));

        for (int i = 1; i <= Services; i++)
        {
            string service = $"flaky{i:00}";
            List<RequestLogEntry> accepted = log.Where(r => r.Method == "POST" && r.Fault is null && r.StatusCode is >= 200 and < 300
                && r.Path.Contains($"/hostedservices/{service}/", StringComparison.Ordinal)).ToList();
            Assert.Single(accepted, r => r.Query.Contains("comp=upgrade", StringComparison.Ordinal));
            int walks = accepted.Count(r => r.Query.Contains("comp=walkupgradedomain", StringComparison.Ordinal));
            Assert.Equal(i % 2 == 0 ? 0 : 2, walks);
            Assert.Equal(accepted.Count, log.Count(r => r.Method == "POST" && r.StatusCode is >= 200 and < 300
                && r.Path.Contains($"/hostedservices/{service}/", StringComparison.Ordinal)));
        }

        IReadOnlyList<PSObject> deployments = session.Expect($"foreach ($n in @({names})) {{ Get-Deployment -ServiceName $n -Slot Production }}");
        Assert.Equal(Services, deployments.Count);
        Assert.All(deployments, d =>
        {
            Assert.Equal("v2", d.Properties["Label"].Value);
            Assert.Null(d.Properties["UpgradeStatus"].Value);
        });
    }
}
