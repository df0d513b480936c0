using System;
using ClassicDeploy.Emulator.State;
using Xunit;
using static ClassicDeploy.Emulator.Tests.State.EngineHarness;

namespace ClassicDeploy.Emulator.Tests.State;

public sealed class ConflictTests
{
    private static string Change(EngineHarness h)
    {
        string id = h.NewRequestId();
        h.Engine.ChangeConfiguration(Subscription, Service, Production, new ChangeConfigurationCommand(DefaultConfig, false, UpgradeMode.Auto, NoProperties), id);
        return id;
    }

    private static string Delete(EngineHarness h, DeploymentRef? target = null)
    {
        string id = h.NewRequestId();
        h.Engine.DeleteDeployment(Subscription, Service, target ?? Production, id);
        return id;
    }

    private static void AssertBusy(string holder, Action action)
    {
        EmulatorException error = Fails(409, "ConflictError", action);
        Assert.Equal(
            "Windows Azure is currently performing an operation with x-ms-requestid " + holder
            + " on this deployment that requires exclusive access.",
            error.Message);
    }

    [Fact]
    public void Every_mutation_of_a_locked_deployment_names_the_operation_holding_it()
    {
        using var h = new EngineHarness();
        h.Deploy();
        string upgrade = h.Upgrade(UpgradeMode.Auto);

        Assert.True(h.Get().Locked);
        AssertBusy(upgrade, () => h.Upgrade(UpgradeMode.Auto));
        AssertBusy(upgrade, () => Change(h));
        AssertBusy(upgrade, () => Delete(h));
        AssertBusy(upgrade, () => h.Walk(0));
        AssertBusy(upgrade, () => h.Rollback(UpgradeMode.Auto));
    }

    [Fact]
    public void A_deployment_being_created_is_locked()
    {
        using var h = new EngineHarness();
        string create = h.NewRequestId();
        h.Engine.CreateDeployment(Subscription, Service, DeploymentSlotName.Production,
            new CreateDeploymentCommand("dep1", "https://packages.example/v1.cspkg", "label v1", DefaultConfig, true, false, NoProperties), create);

        AssertBusy(create, () => Delete(h));
        AssertBusy(create, () => h.Upgrade(UpgradeMode.Auto));
    }

    [Fact]
    public void Locked_only_while_accepting_an_update_or_a_walk_then_the_next_mutation_is_accepted()
    {
        using var h = new EngineHarness();
        h.Deploy();
        string upgrade = h.Upgrade(UpgradeMode.Manual);
        AssertBusy(upgrade, () => h.Walk(0));
        h.Pass(Accept - TimeSpan.FromTicks(1));
        Assert.True(h.Get().Locked);
        AssertBusy(upgrade, () => Change(h));
        h.Pass(TimeSpan.FromTicks(1));
        Assert.False(h.Get().Locked);

        string walk = h.Walk(0);
        AssertBusy(walk, () => h.Rollback(UpgradeMode.Auto));
        h.Pass(Accept);
        Assert.False(h.Get().Locked);
        Assert.Equal(new UpgradeStatusView(UpgradeMode.Manual, "During", 0), h.Get().UpgradeStatus);
        string change = Change(h);
        Assert.True(h.Get().Locked);
        AssertBusy(change, () => Delete(h));
    }

    [Fact]
    public void Occupied_slot_and_a_name_used_by_the_other_slot_are_conflicts()
    {
        using var h = new EngineHarness();
        h.Deploy("dep1", DeploymentSlotName.Production);

        Fails(409, "ConflictError", () => h.Deploy("dep2", DeploymentSlotName.Production));
        Fails(409, "ConflictError", () => h.Deploy("dep1", DeploymentSlotName.Staging));
        Fails(404, "ResourceNotFound", () => h.Get(Staging));
    }

    [Fact]
    public void A_taken_service_name_is_a_conflict_even_in_another_subscription()
    {
        using var h = new EngineHarness();
        Fails(409, "ConflictError", () => h.Engine.CreateHostedService(Subscription, new CreateHostedServiceCommand("SVC", "l", null, "West Europe", null, NoProperties)));
        Fails(409, "ConflictError", () => h.Engine.CreateHostedService("sub-2", new CreateHostedServiceCommand(Service, "l", null, "West Europe", null, NoProperties)));
    }

    [Fact]
    public void Deleting_a_hosted_service_with_deployments_is_a_conflict()
    {
        using var h = new EngineHarness();
        h.Deploy();
        Fails(409, "ConflictError", () => h.Engine.DeleteHostedService(Subscription, Service));
        Assert.Equal(Service, h.Engine.GetHostedService(Subscription, Service).ServiceName);
    }
}
