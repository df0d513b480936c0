using ClassicDeploy.Emulator.State;
using Xunit;
using static ClassicDeploy.Emulator.Tests.State.EngineHarness;

namespace ClassicDeploy.Emulator.Tests.State;

public sealed class SwapTests
{
    private static string Swap(EngineHarness h, string? production, string source)
    {
        string id = h.NewRequestId();
        h.Engine.SwapDeployment(Subscription, Service, new SwapCommand(production, source), id);
        return id;
    }

    [Fact]
    public void Swap_naming_both_slots_exchanges_them_after_a_short_locked_operation()
    {
        using var h = new EngineHarness();
        h.Deploy("blue", DeploymentSlotName.Production);
        h.Deploy("green", DeploymentSlotName.Staging);
        string swap = Swap(h, "blue", "green");

        Assert.True(h.Get(Production).Locked);
        Assert.True(h.Get(Staging).Locked);
        Assert.Equal("blue", h.Get(Production).Name);
        h.Pass(Accept);

        Assert.Equal("Succeeded", h.Operation(swap).Status);
        DeploymentView production = h.Get(Production);
        Assert.Equal("green", production.Name);
        Assert.Equal(DeploymentSlotName.Production, production.Slot);
        Assert.Equal("http://svc.cloudapp.net/", production.Url);
        Assert.Equal("blue", h.Get(Staging).Name);
        Assert.Equal(DeploymentSlotName.Staging, h.Get(new DeploymentRef(null, "blue")).Slot);
        Assert.False(production.Locked);
    }

    [Fact]
    public void Swap_into_an_empty_production_moves_staging_there()
    {
        using var h = new EngineHarness();
        h.Deploy("green", DeploymentSlotName.Staging);
        Swap(h, null, "green");
        h.Pass(Accept);

        Assert.Equal("green", h.Get(Production).Name);
        Fails(404, "ResourceNotFound", () => h.Get(Staging));
    }

    [Fact]
    public void Swap_names_that_do_not_match_the_slots_are_a_conflict()
    {
        using var h = new EngineHarness();
        h.Deploy("blue", DeploymentSlotName.Production);
        h.Deploy("green", DeploymentSlotName.Staging);

        Fails(409, "ConflictError", () => Swap(h, "green", "blue"));
        Fails(409, "ConflictError", () => Swap(h, "blue", "red"));
        Fails(409, "ConflictError", () => Swap(h, null, "green"));
        Fails(409, "ConflictError", () => Swap(h, "", "green"));
        Assert.False(h.Get(Production).Locked);
        Assert.Equal("blue", h.Get(Production).Name);
    }

    [Fact]
    public void Swap_naming_a_production_deployment_when_production_is_empty_is_a_conflict()
    {
        using var h = new EngineHarness();
        h.Deploy("green", DeploymentSlotName.Staging);
        Fails(409, "ConflictError", () => Swap(h, "blue", "green"));
    }

    [Fact]
    public void Swap_without_a_staging_deployment_is_not_found()
    {
        using var h = new EngineHarness();
        h.Deploy("blue", DeploymentSlotName.Production);
        EmulatorException error = Fails(404, "ResourceNotFound", () => Swap(h, "blue", "green"));
        Assert.Equal("No deployments were found.", error.Message);
    }

    [Fact]
    public void Swap_while_either_deployment_is_busy_or_updating_is_a_conflict()
    {
        using var h = new EngineHarness();
        h.Deploy("blue", DeploymentSlotName.Production);
        h.Deploy("green", DeploymentSlotName.Staging);
        string upgrade = h.Upgrade(UpgradeMode.Manual, target: Staging);

        EmulatorException busy = Fails(409, "ConflictError", () => Swap(h, "blue", "green"));
        Assert.Contains(upgrade, busy.Message, System.StringComparison.Ordinal);
        h.Pass(Accept);
        Fails(409, "ConflictError", () => Swap(h, "blue", "green"));

        h.Upgrade(UpgradeMode.Auto, target: Production);
        Fails(409, "ConflictError", () => Swap(h, "blue", "green"));
    }
}
