using System;
using System.Linq;
using ClassicDeploy.Emulator.State;
using Xunit;
using static ClassicDeploy.Emulator.Tests.State.EngineHarness;

namespace ClassicDeploy.Emulator.Tests.State;

public sealed class LifecycleTests
{
    private static string Create(EngineHarness h, bool start)
    {
        string id = h.NewRequestId();
        h.Engine.CreateDeployment(Subscription, Service, DeploymentSlotName.Staging,
            new CreateDeploymentCommand("dep1", "https://packages.example/v1.cspkg", "label v1", DefaultConfig, start, false,
                new[] { new ExtendedPropertyValue("Owner", "ops") }), id);
        return id;
    }

    [Fact]
    public void A_started_deployment_is_created_then_starts_and_runs()
    {
        using var h = new EngineHarness();
        DateTimeOffset created = h.Clock.GetUtcNow();
        string id = Create(h, start: true);

        DeploymentView deploying = h.Get(Staging);
        Assert.Equal("Deploying", deploying.Status);
        Assert.True(deploying.Locked);
        Assert.All(deploying.RoleInstances, i => Assert.Equal("CreatingRole", i.InstanceStatus));
        Assert.Equal("InProgress", h.Operation(id).Status);
        Assert.Null(h.Operation(id).HttpStatusCode);

        h.Pass(Domain * 0.6);
        Assert.Equal("Starting", h.Get(Staging).Status);
        Assert.All(h.Get(Staging).RoleInstances, i => Assert.Equal("CreatingRole", i.InstanceStatus));

        // Succeeded once created; the instances then start (success is not readiness).
        h.Pass(Domain * 0.4);
        DeploymentView created1 = h.Get(Staging);
        Assert.Equal("Running", created1.Status);
        Assert.False(created1.Locked);
        Assert.All(created1.RoleInstances, i => Assert.Equal(("RoleStateUnknown", "Starting"), (i.InstanceStatus, i.PowerState)));
        h.Pass(StartTime * 0.5);
        Assert.All(h.Get(Staging).RoleInstances, i => Assert.Equal(("StartingRole", "Starting"), (i.InstanceStatus, i.PowerState)));
        h.Pass(StartTime * 0.3);
        Assert.All(h.Get(Staging).RoleInstances, i => Assert.Equal(("BusyRole", "Started"), (i.InstanceStatus, i.PowerState)));
        h.Pass(StartTime * 0.2);
        DeploymentView running = h.Get(Staging);
        Assert.All(running.RoleInstances, i => Assert.Equal(("ReadyRole", "Started"), (i.InstanceStatus, i.PowerState)));
        Assert.Equal(new OperationView(System.Guid.ParseExact(id, "N").ToString("D"), "Succeeded", 200, null, null), h.Operation(id));
        Assert.Equal(created, running.CreatedTime);
        Assert.Equal(created + Domain, running.LastModifiedTime);
        Assert.Equal("http://" + running.PrivateId + ".cloudapp.net/", running.Url);
        Assert.Matches("^[0-9a-f]{32}$", running.PrivateId);
        Assert.Equal(new[] { new ExtendedPropertyValue("Owner", "ops") }, running.ExtendedProperties);
        Assert.Equal("label v1", running.Label);
        Assert.Equal(DefaultConfig, running.Configuration);
    }

    [Fact]
    public void A_deployment_created_without_starting_is_suspended_with_stopped_instances()
    {
        using var h = new EngineHarness();
        Create(h, start: false);
        h.Pass(Domain);

        DeploymentView suspended = h.Get(Staging);
        Assert.Equal("Suspended", suspended.Status);
        Assert.All(suspended.RoleInstances, i =>
        {
            Assert.Equal("StoppedVM", i.InstanceStatus);
            Assert.Equal("Stopped", i.PowerState);
        });
    }

    [Fact]
    public void Deleting_a_deployment_shows_deleting_then_removes_it()
    {
        using var h = new EngineHarness();
        h.Deploy();
        string delete = h.NewRequestId();
        h.Engine.DeleteDeployment(Subscription, Service, new DeploymentRef(null, "dep1"), delete);

        Assert.Equal("Deleting", h.Get().Status);
        Assert.True(h.Get().Locked);
        h.Pass(Domain);

        Assert.Equal("Succeeded", h.Operation(delete).Status);
        Fails(404, "ResourceNotFound", () => h.Get());
        Assert.Empty(h.Engine.GetHostedService(Subscription, Service).Deployments);
        h.Engine.DeleteHostedService(Subscription, Service);
        Fails(404, "ResourceNotFound", () => h.Engine.GetHostedService(Subscription, Service));
    }

    [Fact]
    public void Hosted_service_lists_its_deployments_production_first()
    {
        using var h = new EngineHarness();
        h.Engine.CreateHostedService(Subscription, new CreateHostedServiceCommand("another", "other label", "desc", null, "group-1",
            new[] { new ExtendedPropertyValue("Team", "web") }));
        h.Deploy("green", DeploymentSlotName.Staging);
        h.Deploy("blue", DeploymentSlotName.Production);

        HostedServiceView service = h.Engine.GetHostedService(Subscription, Service);
        Assert.Equal(new[] { "blue", "green" }, service.Deployments.Select(d => d.Name));
        Assert.Equal("Created", service.Status);
        Assert.Equal(new[] { "another", Service }, h.Engine.ListHostedServices(Subscription).Select(s => s.ServiceName));
        HostedServiceView another = h.Engine.GetHostedService(Subscription, "ANOTHER");
        Assert.Equal("group-1", another.AffinityGroup);
        Assert.Equal("desc", another.Description);
        Assert.Equal("other label", another.Label);
    }

    [Fact]
    public void Advance_completes_due_operations_without_a_query()
    {
        var store = new Store.CountingStore();
        using var h = new EngineHarness(store);
        string id = Create(h, start: true);
        int commits = store.Commits;

        h.Pass(Domain);
        h.Engine.Advance();
        Assert.Equal(commits + 1, store.Commits);
        h.Engine.Advance();
        h.Get(Staging);
        Assert.Equal(commits + 1, store.Commits);
        Assert.Equal("Succeeded", h.Operation(id).Status);
    }
}
