using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Emulator;
using ClassicDeploy.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClassicDeploy.Tests.Reliability;

/// <summary>Ten runspaces race to upgrade one deployment: one wins, nine get a conflict, and the deployment ends consistent.</summary>
public sealed class ConcurrencyTests
{
    private const int Racers = 10;

    [Fact]
    public async Task Ten_simultaneous_upgrades_of_one_deployment_accept_exactly_one()
    {
        // The emulator's clock stands still during the race, so the winner's upgrade cannot finish early and
        // let a late racer in: every loser must meet the lock.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            InMemory = true,
            Clock = clock,
            UpgradeDomainDuration = TimeSpan.FromMinutes(1),
        });
        string subscription = Guid.NewGuid().ToString();
        using PowerShellSession setup = PowerShellSession.Open(host.BaseAddress, subscription);
        setup.Expect(Scenario.Prelude + "; " + Scenario.CreateService("race", wait: false));
        clock.Advance(TimeSpan.FromHours(1));
        var sessions = Enumerable.Range(0, Racers).Select(_ => PowerShellSession.Open(host.BaseAddress, subscription)).ToList();
        try
        {
            host.Requests.Clear();
            using var barrier = new Barrier(Racers);
            ScriptResult[] results = await Task.WhenAll(sessions.Select((session, i) => Task.Run(() =>
            {
                barrier.SignalAndWait(TimeSpan.FromSeconds(30));
                return session.Run(Scenario.Prelude +
                    $"; Invoke-UpgradeDeployment -ServiceName race -Slot Production -Mode Auto -Package $pkg -Configuration $cfg -Label v2-racer{i}");
            })));

            int[] winners = Enumerable.Range(0, Racers).Where(i => results[i].Errors.Count == 0).ToArray();
            int winner = Assert.Single(winners);
            foreach (ScriptResult loser in results.Where((_, i) => i != winner))
            {
                ErrorRecord error = Assert.Single(loser.Errors);
                Assert.StartsWith("ClassicDeploy.ConflictError,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
                Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
                Assert.Empty(loser.Output);
            }

            List<RequestLogEntry> upgrades = host.Requests.Snapshot()
                .Where(r => r.Method == "POST" && r.Query.Contains("comp=upgrade", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal(Racers, upgrades.Count);
            Assert.Single(upgrades, r => r.StatusCode is >= 200 and < 300);
            Assert.Equal(Racers - 1, upgrades.Count(r => r.StatusCode == 409));

            clock.Advance(TimeSpan.FromHours(1));
            string requestId = (string)results[winner].Output.Single().Properties["RequestId"].Value;
            PSObject done = Assert.Single(setup.Expect($"Wait-DeploymentOperation -RequestId {requestId} -Timeout '00:00:30'"));
            Assert.Equal("Succeeded", done.Properties["Status"].Value.ToString());

            PSObject deployment = Assert.Single(setup.Expect("Get-Deployment -ServiceName race -Slot Production"));
            Assert.Equal($"v2-racer{winner}", deployment.Properties["Label"].Value);
            Assert.Null(deployment.Properties["UpgradeStatus"].Value);
            Assert.False((bool)deployment.Properties["Locked"].Value);
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }
    }
}
