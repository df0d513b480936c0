using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;
using ClassicDeploy.Operations;
using Xunit;

namespace ClassicDeploy.Tests.Operations;

/// <summary>
/// An Auto upgrade waited for against the emulator on an injected clock, once with its progress bar shown and
/// once with nobody seeing it ($ProgressPreference SilentlyContinue): the wait ends as soon, for fewer reads.
/// </summary>
public sealed class HiddenProgressWaitTests
{
    [Fact]
    public async Task AnUpgradeWaitedForWithItsProgressHiddenReadsTheDeploymentFewerTimesAndEndsAsSoon()
    {
        (int Reads, TimeSpan Took) shown = await UpgradeAsync(showsProgress: true);
        (int Reads, TimeSpan Took) hidden = await UpgradeAsync(showsProgress: false);

        Assert.True(hidden.Reads < shown.Reads, $"{hidden.Reads} Get Deployment hidden, {shown.Reads} shown");
        Assert.InRange(hidden.Took.TotalSeconds, shown.Took.TotalSeconds * 0.97, shown.Took.TotalSeconds * 1.03);
    }

    private static async Task<(int Reads, TimeSpan Took)> UpgradeAsync(bool showsProgress)
    {
        await using VirtualService service = await VirtualService.StartAsync();
        service.Sink.ShowsProgress = showsProgress;
        service.Client.Options.Polling = new PollingOptions(); // the module's own schedule, not the fixture's 1 s polls
        DateTimeOffset started = service.Clock.GetUtcNow();

        await service.Workflows.UpgradeDeploymentAsync(
            VirtualService.Target, VirtualService.Upgrade(UpgradeMode.Auto), new OperationWait(true, null), CancellationToken.None);

        DeploymentOperation done = Assert.Single(service.Sink.Operations);
        Assert.Equal(OperationState.Succeeded, done.Status);
        int reads = service.Host.Requests.Snapshot().Count(r => r.Method == "GET" && r.Path.Contains("/deployments/", StringComparison.Ordinal));
        return (reads, service.Clock.GetUtcNow() - started);
    }
}
