using System;
using System.Collections.Generic;
using ClassicDeploy.Emulator.State;
using ClassicDeploy.Emulator.Store;
using ClassicDeploy.Emulator.Tests.State;
using Xunit;
using static ClassicDeploy.Emulator.Tests.State.EngineHarness;

namespace ClassicDeploy.Emulator.Tests.Store;

/// <summary>A commit the store refuses leaves nothing behind in memory: the next reads see what the store holds.</summary>
public sealed class FailedCommitTests
{
    [Fact]
    public void A_refused_Create_Hosted_Service_is_503_and_the_service_does_not_exist()
    {
        var store = new RefusingStore();
        using var h = new EngineHarness(store);
        store.Refuse = true;
        Fails(503, "ServiceUnavailable", () => h.Engine.CreateHostedService(Subscription, new CreateHostedServiceCommand("other", "label", null, null, null, NoProperties)));
        store.Refuse = false;

        Fails(404, "ResourceNotFound", () => h.Engine.GetHostedService(Subscription, "other"));
        h.Engine.CreateHostedService(Subscription, new CreateHostedServiceCommand("other", "label", null, null, null, NoProperties));
        Assert.Equal("other", h.Engine.GetHostedService(Subscription, "other").ServiceName);
    }

    [Fact]
    public void A_refused_upgrade_leaves_the_deployment_idle_and_a_retry_is_accepted()
    {
        var store = new RefusingStore();
        using var h = new EngineHarness(store);
        h.Deploy();
        store.Refuse = true;
        Fails(503, "ServiceUnavailable", () => h.Upgrade(UpgradeMode.Manual));
        store.Refuse = false;

        DeploymentView deployment = h.Get();
        Assert.False(deployment.Locked);
        Assert.Null(deployment.UpgradeStatus);
        h.Upgrade(UpgradeMode.Manual);
        Assert.NotNull(h.Get().UpgradeStatus);
    }

    [Fact]
    public void While_the_store_cannot_even_be_read_every_call_is_503_until_it_can()
    {
        var store = new RefusingStore();
        using var h = new EngineHarness(store);
        store.Refuse = true;
        store.RefuseReads = true;
        Fails(503, "ServiceUnavailable", () => h.Engine.CreateHostedService(Subscription, new CreateHostedServiceCommand("other", "label", null, null, null, NoProperties)));
        Fails(503, "ServiceUnavailable", () => h.Engine.GetHostedService(Subscription, Service));
        store.Refuse = false;
        store.RefuseReads = false;

        Assert.Equal(Service, h.Engine.GetHostedService(Subscription, Service).ServiceName);
        Fails(404, "ResourceNotFound", () => h.Engine.GetHostedService(Subscription, "other"));
    }

    private sealed class RefusingStore : IStateStore
    {
        private readonly InMemoryStateStore _inner = new();

        public bool Refuse { get; set; }

        public bool RefuseReads { get; set; }

        public IReadOnlyList<StoredDocument> LoadAll() =>
            RefuseReads ? throw new InvalidOperationException("store unreadable") : _inner.LoadAll();

        public void Commit(IReadOnlyList<StoredDocument> upserts, IReadOnlyList<StoredKey> deletions)
        {
            if (Refuse)
            {
                throw new InvalidOperationException("database is locked");
            }

            _inner.Commit(upserts, deletions);
        }

        public void Dispose() => _inner.Dispose();
    }
}
