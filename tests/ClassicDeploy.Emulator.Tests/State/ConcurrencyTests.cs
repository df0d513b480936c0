using System;
using System.Linq;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.State;
using Xunit;
using static ClassicDeploy.Emulator.Tests.State.EngineHarness;

namespace ClassicDeploy.Emulator.Tests.State;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_readers_and_a_writer_see_consistent_snapshots()
    {
        using var h = new EngineHarness();
        h.Deploy();
        h.Upgrade(UpgradeMode.Manual);
        h.Pass(Accept);

        Task writer = Task.Run(() =>
        {
            for (int domain = 0; domain < 5; domain++)
            {
                h.Walk(domain);
                h.Pass(Domain);
                h.Engine.Advance();
            }
        });
        Task<int>[] readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            int reads = 0;
            while (!writer.IsCompleted)
            {
                DeploymentView view = h.Get();
                Assert.Equal(7, view.RoleInstances.Count);
                Assert.Equal(view.UpgradeStatus is not null, view.RollbackAllowed);
                reads++;
            }

            return reads;
        })).ToArray();

        await writer;
        await Task.WhenAll(readers);
        Assert.Null(h.Get().UpgradeStatus);
        Assert.Equal("label v2", h.Get().Label);
    }

    [Fact]
    public void Upgrading_a_suspended_deployment_keeps_its_instances_stopped()
    {
        using var h = new EngineHarness();
        h.Deploy(start: false);
        h.Upgrade(UpgradeMode.Auto);
        h.Pass(TimeSpan.FromSeconds(1));

        DeploymentView during = h.Get();
        Assert.Equal("SuspendedTransitioning", during.Status);
        Assert.All(during.RoleInstances, i => Assert.Equal("StoppedVM", i.InstanceStatus));
        h.Pass(AutoUpdate(5));
        Assert.Equal("Suspended", h.Get().Status);
        Assert.Equal("label v2", h.Get().Label);
    }
}
