using System.Net;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests;

public sealed class SwapTests
{
    [Fact]
    public async Task Swap_with_matching_names_exchanges_the_slots()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc", "production", "blue");
        await emulator.DeployAsync("svc", "staging", "green", createService: false);

        var id = await emulator.AcceptedAsync("services/hostedservices/svc", Bodies.Swap("blue", "green"));
        await emulator.SucceedAsync(id);

        Assert.Equal("green", Text(await emulator.DeploymentAsync("svc", "production"), "Name"));
        Assert.Equal("blue", Text(await emulator.DeploymentAsync("svc", "staging"), "Name"));
        Assert.Equal("Staging", Text(await emulator.GetXmlAsync("services/hostedservices/svc/deployments/blue"), "DeploymentSlot"));
    }

    [Theory]
    [InlineData("green", "blue")]
    [InlineData("blue", "nosuch")]
    [InlineData(null, "green")]
    public async Task Swap_with_names_that_do_not_match_the_slots_is_ConflictError(string? production, string source)
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc", "production", "blue");
        await emulator.DeployAsync("svc", "staging", "green", createService: false);

        using var response = await emulator.PostAsync("services/hostedservices/svc", Bodies.Swap(production, source));
        await AssertErrorAsync(response, HttpStatusCode.Conflict, "ConflictError");
        Assert.Equal("blue", Text(await emulator.DeploymentAsync("svc", "production"), "Name"));
    }

    [Fact]
    public async Task Swap_into_an_empty_production_moves_staging_up()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc", "staging", "green");

        await emulator.SucceedAsync(await emulator.AcceptedAsync("services/hostedservices/svc", Bodies.Swap(null, "green")));

        Assert.Equal("green", Text(await emulator.DeploymentAsync("svc", "production"), "Name"));
        using var staging = await emulator.GetAsync("services/hostedservices/svc/deploymentslots/staging");
        await AssertErrorAsync(staging, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Swap_on_a_missing_service_is_ResourceNotFound()
    {
        await using var emulator = await StartAsync();
        using var response = await emulator.PostAsync("services/hostedservices/nosuch", Bodies.Swap("a", "b"));
        await AssertErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Create_Deployment_in_the_production_slot_a_swap_is_moving_into_is_ConflictError()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc", "staging", "green");
        var swap = await emulator.AcceptedAsync("services/hostedservices/svc", Bodies.Swap(null, "green"));

        using var create = await emulator.PostAsync("services/hostedservices/svc/deploymentslots/production", Bodies.CreateDeployment("blue", Bodies.DefaultConfiguration));
        await AssertErrorAsync(create, HttpStatusCode.Conflict, "ConflictError");
        using var staging = await emulator.PostAsync("services/hostedservices/svc/deploymentslots/staging", Bodies.CreateDeployment("blue", Bodies.DefaultConfiguration));
        await AssertErrorAsync(staging, HttpStatusCode.Conflict, "ConflictError");

        await emulator.SucceedAsync(swap);
        var service = await emulator.GetXmlAsync("services/hostedservices/svc?embed-detail=true");
        var deployment = Assert.Single(service.Element(Ns + "Deployments")!.Elements(Ns + "Deployment"));
        Assert.Equal(("green", "Production"), (Text(deployment, "Name"), Text(deployment, "DeploymentSlot")));
    }
}
