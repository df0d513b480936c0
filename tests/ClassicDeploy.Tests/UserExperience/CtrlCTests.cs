using System;
using System.Linq;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClassicDeploy.Tests.UserExperience;

/// <summary>
/// Ctrl+C in real pwsh (SIGINT to the pwsh process, so not on Windows) while a cmdlet waits with
/// -Wait. The emulator's clock stands still, so the upgrade cannot finish by itself.
/// </summary>
public sealed class CtrlCTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestEmulator? _emulator;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync(o =>
    {
        o.Clock = _clock;
        o.UpgradeDomainDuration = TimeSpan.FromMinutes(1);
    });

    public async Task DisposeAsync() => await _emulator!.DisposeAsync();

    [Fact]
    public async Task Ctrl_C_stops_an_Invoke_UpgradeDeployment_Wait_and_the_upgrade_goes_on_in_the_service()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGINT is how the test presses Ctrl+C
        }

        var scenario = new Scenario(_emulator!, _emulator!.Connect());
        scenario.WithService();
        scenario.Run("New-Deployment -ServiceName $svc -Slot Production -DeploymentName web -Package $pkg1 -Configuration $cfg1 -StartDeployment").ShouldSucceed();
        _clock.Advance(TimeSpan.FromHours(1)); // the deployment is running; from now on the clock stands still
        string script = $"""
            Import-Module '{PowerShellSession.Quote(TestRepository.ModuleManifest)}' -ErrorAction Stop
            Connect-ClassicDeploy -SubscriptionId '{scenario.Session.SubscriptionId}' -Endpoint '{_emulator.Host.BaseAddress}'
            'started'
            Invoke-UpgradeDeployment -ServiceName '{scenario.ServiceName}' -Slot Production -Mode Auto -Package '{Scenario.PackageV2}' -Configuration '{PowerShellSession.Quote(ServiceConfigurationXml.For("v2"))}' -Wait
            'unreachable'
            """;

        await using PwshProcess pwsh = PwshProcess.Start(script, defaultSigint: true);
        await pwsh.OutputLineAsync("started", TimeSpan.FromMinutes(1));
        await PollsOperationStatus(scenario);
        pwsh.PressCtrlC();

        await pwsh.ExitedAsync(TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("unreachable", pwsh.Output);
        // Ctrl+C stops the waiting, not the upgrade: the service still runs it.
        ScriptResult deployment = scenario.Run("(Get-Deployment -ServiceName $svc -Slot Production).UpgradeStatus.UpgradeType");
        deployment.ShouldSucceed();
        Assert.Equal("Auto", deployment.Output.Single().ToString());
    }

    /// <summary>
    /// Returns once the -Wait is waiting: after the upgrade was accepted it has looked at the operation or at
    /// the deployment (an Auto upgrade is timed from Get Deployment's domain changes).
    /// </summary>
    private static async Task PollsOperationStatus(Scenario scenario)
    {
        DateTime limit = DateTime.UtcNow.AddMinutes(1);
        while (!Waiting(scenario))
        {
            Assert.True(DateTime.UtcNow < limit, "pwsh never looked at the upgrade after it was accepted");
            await Task.Delay(50);
        }
    }

    private static bool Waiting(Scenario scenario)
    {
        var log = scenario.Requests.ToList();
        int accepted = log.FindIndex(r => r.Method == "POST" && r.Query.Contains("comp=upgrade", StringComparison.OrdinalIgnoreCase) && r.StatusCode == 202);
        return accepted >= 0 && log.Skip(accepted + 1).Any(r => r.Method == "GET");
    }
}
