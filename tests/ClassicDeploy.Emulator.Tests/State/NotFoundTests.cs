using ClassicDeploy.Emulator.State;
using Xunit;
using static ClassicDeploy.Emulator.Tests.State.EngineHarness;

namespace ClassicDeploy.Emulator.Tests.State;

public sealed class NotFoundTests
{
    private const string NoService = "The hosted service does not exist.";
    private const string NoDeployment = "No deployments were found.";

    private static void AssertNotFound(string message, System.Action action) =>
        Assert.Equal(message, Fails(404, "ResourceNotFound", action).Message);

    [Fact]
    public void Every_call_on_an_unknown_hosted_service_is_not_found()
    {
        using var h = new EngineHarness();
        var production = Production;
        AssertNotFound(NoService, () => h.Engine.GetHostedService(Subscription, "nope"));
        AssertNotFound(NoService, () => h.Engine.GetDeployment(Subscription, "nope", production));
        AssertNotFound(NoService, () => h.Engine.DeleteHostedService(Subscription, "nope"));
        AssertNotFound(NoService, () => h.Engine.CreateDeployment(Subscription, "nope", DeploymentSlotName.Production,
            new CreateDeploymentCommand("d", "https://packages.example/p", "l", DefaultConfig, true, false, NoProperties), h.NewRequestId()));
        AssertNotFound(NoService, () => h.Engine.DeleteDeployment(Subscription, "nope", production, h.NewRequestId()));
        AssertNotFound(NoService, () => h.Engine.SwapDeployment(Subscription, "nope", new SwapCommand(null, "d"), h.NewRequestId()));
        AssertNotFound(NoService, () => h.Engine.WalkUpgradeDomain(Subscription, "nope", production, 0, h.NewRequestId()));
    }

    [Fact]
    public void A_service_of_another_subscription_is_not_found()
    {
        using var h = new EngineHarness();
        AssertNotFound(NoService, () => h.Engine.GetHostedService("sub-2", Service));
        Assert.Empty(h.Engine.ListHostedServices("sub-2"));
        Assert.Single(h.Engine.ListHostedServices(Subscription));
    }

    [Fact]
    public void Every_call_on_a_missing_deployment_is_not_found()
    {
        using var h = new EngineHarness();
        h.Deploy("dep1");
        var byName = new DeploymentRef(null, "other");
        AssertNotFound(NoDeployment, () => h.Get(Staging));
        AssertNotFound(NoDeployment, () => h.Get(byName));
        AssertNotFound(NoDeployment, () => h.Engine.DeleteDeployment(Subscription, Service, Staging, h.NewRequestId()));
        AssertNotFound(NoDeployment, () => h.Upgrade(UpgradeMode.Auto, target: Staging));
        AssertNotFound(NoDeployment, () => h.Walk(0, byName));
        AssertNotFound(NoDeployment, () => h.Engine.RollbackUpdateOrUpgrade(Subscription, Service, byName, new RollbackCommand(UpgradeMode.Auto, false), h.NewRequestId()));
        AssertNotFound(NoDeployment, () => h.Engine.ChangeConfiguration(Subscription, Service, Staging,
            new ChangeConfigurationCommand(DefaultConfig, false, UpgradeMode.Auto, NoProperties), h.NewRequestId()));
        Assert.Equal("dep1", h.Get(new DeploymentRef(null, "dep1")).Name);
    }

    [Fact]
    public void An_unknown_operation_or_one_of_another_subscription_is_not_found()
    {
        using var h = new EngineHarness();
        string create = h.Deploy();
        AssertNotFound("The operation request ID was not found.", () => h.Operation("0123456789abcdef0123456789abcdef"));
        AssertNotFound("The operation request ID was not found.", () => h.Engine.GetOperation("sub-2", create));
    }
}
