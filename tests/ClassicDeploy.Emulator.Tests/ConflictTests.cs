using System.Net;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests;

/// <summary>While an operation holds a deployment, other mutations get 409 naming the holder's request id.</summary>
public sealed class ConflictTests
{
    private const string Slot = "services/hostedservices/svc/deploymentslots/production";

    public static TheoryData<string, string, string> Mutations => new()
    {
        { "POST", Slot + "/?comp=upgrade", Bodies.Upgrade("Auto", label: "v3") },
        { "POST", Slot + "/?comp=config", Bodies.ChangeConfiguration("Auto") },
        { "POST", Slot + "/?comp=walkupgradedomain", Bodies.Walk(0) },
        { "POST", Slot + "/?comp=rollback", Bodies.Rollback("Auto") },
        { "DELETE", Slot, "" },
        { "POST", "services/hostedservices/svc", Bodies.Swap("dep1", "dep2") },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Mutations_while_an_auto_upgrade_runs_are_ConflictError(string method, string path, string body)
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        await emulator.DeployAsync("svc", "staging", "dep2", createService: false);
        var running = await emulator.AcceptedAsync(Slot + "/?comp=upgrade", Bodies.Upgrade("Auto"));

        using var response = await emulator.SendAsync(new System.Net.Http.HttpMethod(method), path, method == "DELETE" ? null : body);
        var message = await AssertErrorAsync(response, HttpStatusCode.Conflict, "ConflictError");
        Assert.Contains(running, message);

        await emulator.SucceedAsync(running);
        Assert.Equal(Bodies.B64("v2"), Text(await emulator.DeploymentAsync("svc"), "Label"));
    }

    [Theory]
    [InlineData("comp=upgrade")]
    [InlineData("comp=config")]
    public async Task New_update_while_a_manual_update_is_being_accepted_is_ConflictError(string comp)
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var upgrade = await emulator.AcceptedAsync(Slot + "/?comp=upgrade", Bodies.Upgrade("Manual"));

        var body = comp == "comp=upgrade" ? Bodies.Upgrade("Auto", label: "v3") : Bodies.ChangeConfiguration("Auto");
        using var response = await emulator.PostAsync(Slot + "/?" + comp, body);
        Assert.Contains(upgrade, await AssertErrorAsync(response, HttpStatusCode.Conflict, "ConflictError"));
        UpgradeFlowTests.AssertUpgradeStatus(await emulator.DeploymentAsync("svc"), "Manual", "Before", 0);
    }

    [Fact]
    public async Task Walk_while_the_previous_walk_runs_is_ConflictError()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        await emulator.SucceedAsync(await emulator.AcceptedAsync(Slot + "/?comp=upgrade", Bodies.Upgrade("Manual")));
        var walk = await emulator.AcceptedAsync(Slot + "/?comp=walkupgradedomain", Bodies.Walk(0));
        using var response = await emulator.PostAsync(Slot + "/?comp=walkupgradedomain", Bodies.Walk(1));
        var message = await AssertErrorAsync(response, HttpStatusCode.Conflict, "ConflictError");
        Assert.Contains(walk, message);
    }
}
