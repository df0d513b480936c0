using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.UserExperience;

/// <summary>The runbooks in examples/ run end to end against the in-process emulator (20 ms upgrade domains).</summary>
public sealed class ExamplesTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly ConsoleSession _console;

    public ExamplesTests(EmulatorFixture fixture)
    {
        _console = ConsoleSession.Open().Connect(fixture.Emulator.Host.BaseAddress);
    }

    public void Dispose() => _console.Dispose();

    [Fact]
    public void RollingUpgradeWalksEveryDomainThenRollsBackTheFailedUpgrade()
    {
        (string text, ScriptResult result) = RunExample("rolling-upgrade.ps1");

        for (int domain = 1; domain <= 5; domain++)
        {
            Assert.Contains($"Walking upgrade domain {domain} of 5", text);
            Assert.Contains($"upgrade domain {domain} of 5 done", text);
        }

        // The manual upgrade waits before domain 1 of 5, with a rollback allowed.
        Assert.Matches(new Regex(@"^contoso-\w+\s+Production\s+web-blue\s+Running\s+1/5 Before\s+7/7\s+True\s+False", RegexOptions.Multiline), text);
        Assert.Equal(5, Regex.Matches(text, @"^Walk\s+contoso-\w+/web-green\s+Succeeded", RegexOptions.Multiline).Count);
        Assert.Matches(new Regex(@"^Swap\s+contoso-\w+/web-green\s+Succeeded", RegexOptions.Multiline), text);
        Assert.Contains("Post-check failed after upgrade domain 1: smoke test failed", text);
        Assert.Matches(new Regex(@"^Rollback\s+contoso-\w+/web-green\s+Succeeded", RegexOptions.Multiline), text);
        Assert.Contains("== Done: production runs v3 on web-green, all 7 instances ready: True", text);
        Assert.Contains(result.Progress, p => p.StatusDescription.StartsWith("Upgrade domain 5 of 5 - contoso-", System.StringComparison.Ordinal));
    }

    [Fact]
    public void BlueGreenSwapSwapsBackAndRetiresTheOldSlot()
    {
        (string text, _) = RunExample("blue-green-swap.ps1");

        Assert.Contains("What if: ", text);
        Assert.Equal(3, Regex.Matches(text, @"^Swap\s", RegexOptions.Multiline).Count);
        Assert.Contains("Production is now shop-green (v2)", text);
        Assert.Contains("Production is now shop-blue (v1)", text);
        Assert.Matches(new Regex(@"^Delete\s+shop-\w+/shop-blue\s+Succeeded", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"== Done: shop-\w+ runs shop-green \(v2\) in production; staging is empty\."), text);
    }

    [Fact]
    public void ParallelFanOutUpgradesTheFleetAtOnceAndInWaves()
    {
        (string text, _) = RunExample("parallel-fan-out.ps1", "-Count 3");

        Assert.Contains("3 upgrades in flight", text);
        Assert.Equal(3, Regex.Matches(text, @"^Upgrade\s+fleet-\w+-0\d/api-0\d\s+Succeeded", RegexOptions.Multiline).Count);
        Assert.Contains("Wave 1: upgrade domain 1 of 3 on 3 services", text);
        Assert.Contains("Wave 3: upgrade domain 3 of 3 on 3 services", text);
        Assert.Equal(9, Regex.Matches(text, @"^Walk\s+fleet-", RegexOptions.Multiline).Count);
        Assert.Contains("== Done: all 3 services run v3 after 3 waves.", text);
    }

    [Fact]
    public void MonitoredUpgradeGatesAGoodReleaseThroughEveryDomainAndRollsBackABadOneAfterItsFirst()
    {
        (string text, ScriptResult result) = RunExample("monitored-upgrade.ps1");

        Assert.Contains("Release v2: Completed, 5 of 5 upgrade domains healthy, 5 walks", text);
        Assert.Matches(new Regex(@"^shop-\w+\s+Production\s+shop-web\s+Completed\s+5/5\s", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^shop-\w+\s+Production\s+shop-web\s+RolledBack\s+0/1\s+UD 0\s", RegexOptions.Multiline), text);
        Assert.Contains("Release v3: RolledBack after upgrade domain 0, 1 walk(s): upgrade domain 0 is unhealthy: the health check failed: smoke test failed: GET /health answered 500 on WebRole1_IN_0", text);
        Assert.Contains("Error: ClassicDeploy.HealthCheckFailed,", text);
        Assert.Contains("== Done: production runs v2 on shop-web, no update in progress: True", text);
        Assert.Contains(result.Progress, p => p.StatusDescription.StartsWith("walking domain 5 of 5", StringComparison.Ordinal));
        Assert.Contains(result.Progress, p => p.StatusDescription.StartsWith("rolling back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheMainJobRunsInPwshOnATerminalAndDrawsTheUpgradeProgressDomainByDomain()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the terminal is util-linux `script`
        }

        string script = $$"""
            $ErrorActionPreference = 'Stop'
            Import-Module '{{PowerShellSession.Quote(TestRepository.ModuleManifest)}}'
            Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.3
            try { & '{{PowerShellSession.Quote(ExamplePath("rolling-upgrade.ps1"))}}' } finally { Stop-ClassicDeployEmulator }
            """;

        PwshResult result = await PwshProcess.RunOnTerminalAsync(script, TimeSpan.FromMinutes(3));

        string text = Regex.Replace(result.Output, "\u001b\\[[0-9;?]*[A-Za-z=>]|\u001b[=>]", string.Empty);
        Assert.True(result.ExitCode == 0, result.ToString());
        int[] walked = Regex.Matches(text, @"Walking upgrade domain (\d) of 5").Select(m => int.Parse(m.Groups[1].Value)).ToArray();
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 1 }, walked);
        Assert.Matches(new Regex(@"^ServiceName\s+Slot\s+Deployment\s+Status\s+Upgrade\s+Ready\s+Rollback\s+Locked", RegexOptions.Multiline), text);
        Assert.Contains("== Done: production runs v3", text);
        // The progress bar, drawn in place (reverse video for the done part), names the deployment and the domain.
        Assert.Contains("\u001b[7m", result.Output);
        Assert.Matches(new Regex(@"Upgrading web-\w+ \[Upgrade domain [1-5] of 5 - contoso-\w+/(Production|Staging)"), text);
    }

    [Fact]
    public void ExamplesRunAfterStartClassicDeployEmulatorAsInPwsh()
    {
        using ConsoleSession pwsh = ConsoleSession.Open();
        pwsh.SetVariable("__example", ExamplePath("blue-green-swap.ps1"));
        int start = pwsh.Host.Text.Length;

        ScriptResult result = pwsh.Run(
            "Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.02; try { & $__example | Out-Default } finally { Stop-ClassicDeployEmulator }",
            TimeSpan.FromMinutes(2));

        string text = pwsh.Host.Text.Substring(start);
        Assert.True(result.Errors.Count == 0, result.ErrorText + Environment.NewLine + text);
        Assert.Matches(new Regex(@"== Done: shop-\w+ runs shop-green \(v2\) in production; staging is empty\."), text);
    }

    private (string Text, ScriptResult Result) RunExample(string name, string arguments = "")
    {
        _console.SetVariable("__example", ExamplePath(name));
        int start = _console.Host.Text.Length;
        ScriptResult result = _console.Run("& $__example " + arguments + " | Out-Default", TimeSpan.FromMinutes(2));
        string text = _console.Host.Text.Substring(start);
        Assert.True(result.Errors.Count == 0, result.ErrorText + Environment.NewLine + text);
        return (text, result);
    }

    private static string ExamplePath(string name) => Path.Combine(TestRepository.Root, "examples", name);
}
