using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ClassicDeploy.Tests.Reliability;

/// <summary>
/// kill -9 of the emulator in the middle of a walk, restart on the same data directory and port: the waiting
/// cmdlet rides out the outage (or a fresh one picks up the operation) and the manual upgrade completes with
/// nothing lost.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const double DomainSeconds = 1;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "classicdeploy-crash-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper _output;

    public CrashRecoveryTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task An_upgrade_survives_kill_minus_nine_and_restart_mid_walk()
    {
        int port = EmulatorProcess.FreePort();
        string subscription = Guid.NewGuid().ToString();
        EmulatorProcess emulator = await EmulatorProcess.StartAsync(port, _dataDirectory, DomainSeconds);
        using PowerShellSession session = PowerShellSession.Open(emulator.BaseAddress, subscription);
        using PowerShellSession waiter = PowerShellSession.Open(emulator.BaseAddress, subscription);
        RunningScript? waiting = null;
        try
        {
            session.Expect(Scenario.Prelude + "; " + Scenario.CreateService("crash"), TimeSpan.FromSeconds(60));
            PSObject upgrade = Assert.Single(session.Expect(Scenario.Prelude +
                "; Invoke-UpgradeDeployment -ServiceName crash -Slot Production -Mode Manual -Package $pkg -Configuration $cfg -Label v2 -Wait"));
            PSObject walk = Assert.Single(session.Expect("Step-UpgradeDomain -ServiceName crash -Slot Production"));
            string walkId = (string)walk.Properties["RequestId"].Value;

            waiting = waiter.Start($"Wait-DeploymentOperation -RequestId {walkId} -Timeout '00:01:00'");
            emulator.Kill();
            emulator.Dispose();
            emulator = await EmulatorProcess.StartAsync(port, _dataDirectory, DomainSeconds);

            ScriptResult waited = waiting.Finish(TimeSpan.FromSeconds(90));
            bool rodeItOut = waited.Errors.Count == 0;
            _output.WriteLine(rodeItOut ? "The waiting cmdlet rode out the restart." : "The waiting cmdlet gave up during the outage: " + waited.ErrorText);
            if (!rodeItOut)
            {
                // The first waiter gave up during the outage (its retries ran out): a fresh wait must still find the operation.
                Assert.All(waited.Errors, e => Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category));
                waited = session.Run($"Wait-DeploymentOperation -RequestId {walkId} -Timeout '00:01:00'", TimeSpan.FromSeconds(90));
                Assert.True(waited.Errors.Count == 0, waited.ErrorText);
            }

            Assert.Equal("Succeeded", Assert.Single(waited.Output).Properties["Status"].Value.ToString());

            // Nothing lost: the service, the deployment mid-upgrade, the earlier operations.
            Assert.Contains(session.Expect("Get-CloudService"), s => (string)s.Properties["ServiceName"].Value == "crash");
            string upgradeId = (string)upgrade.Properties["RequestId"].Value;
            Assert.Equal("Succeeded", Assert.Single(session.Expect($"Get-DeploymentOperation -RequestId {upgradeId}")).Properties["Status"].Value.ToString());
            PSObject midway = Assert.Single(session.Expect("Get-Deployment -ServiceName crash -Slot Production"));
            PSObject status = Assert.IsType<PSObject>(PSObject.AsPSObject(midway.Properties["UpgradeStatus"].Value));
            Assert.Equal("Manual", status.Properties["UpgradeType"].Value.ToString());
            Assert.Equal(1, (int)status.Properties["CurrentUpgradeDomain"].Value);

            // Finish the walk on the restarted emulator.
            session.Expect("Step-UpgradeDomain -ServiceName crash -Slot Production -All -Wait", TimeSpan.FromSeconds(90));
            PSObject done = Assert.Single(session.Expect("Get-Deployment -ServiceName crash -Slot Production"));
            Assert.Equal("v2", done.Properties["Label"].Value);
            Assert.Null(done.Properties["UpgradeStatus"].Value);

            // The last walk succeeded once its change was applied; its instances then start and become ready.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while ((int)done.Properties["InstancesReady"].Value < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                done = Assert.Single(session.Expect("Get-Deployment -ServiceName crash -Slot Production"));
            }

            Assert.Equal(2, (int)done.Properties["InstancesReady"].Value);
        }
        finally
        {
            waiting?.Dispose();
            emulator.Dispose();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
