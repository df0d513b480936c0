using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests;

/// <summary>Roles and instances are bounded like the service's quotas, so no configuration can make an answer unbounded.</summary>
public sealed class QuotaTests
{
    private const string Slot = "services/hostedservices/svc/deploymentslots/production";

    public static TheoryData<string, string> TooLarge => new()
    {
        { "two billion instances", Bodies.Configuration(("WebRole1", 2_000_000_000)) },
        { "1001 instances of one role", Bodies.Configuration(("WebRole1", 1001)) },
        { "11,000 instances in all", Bodies.Configuration(Enumerable.Range(0, 11).Select(i => ("Role" + i, 1000)).ToArray()) },
        { "26 roles", Bodies.Configuration(Enumerable.Range(0, 26).Select(i => ("Role" + i, 1)).ToArray()) },
    };

    [Theory]
    [MemberData(nameof(TooLarge))]
    public async Task Create_Deployment_beyond_the_quota_is_BadRequest(string what, string configuration)
    {
        Assert.NotNull(what);
        await using var emulator = await StartAsync();
        await emulator.CreateServiceAsync("svc");
        using var response = await emulator.PostAsync(Slot, Bodies.CreateDeployment("dep1", configuration));
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        using var slot = await emulator.GetAsync(Slot);
        await AssertErrorAsync(slot, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    /// <summary>Change Deployment Configuration keeps the deployment's roles, so only the per-role bound can be crossed.</summary>
    public static TheoryData<string, string> TooLargeRole => new()
    {
        { "two billion instances", Bodies.Configuration(("WebRole1", 2_000_000_000)) },
        { "1001 instances", Bodies.Configuration(("WebRole1", 1001)) },
    };

    [Theory]
    [MemberData(nameof(TooLargeRole))]
    public async Task Change_Configuration_beyond_the_quota_is_BadRequest_and_leaves_the_deployment(string what, string configuration)
    {
        Assert.NotNull(what);
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc", configuration: Bodies.Configuration(("WebRole1", 2)));
        using var response = await emulator.PostAsync(Slot + "/?comp=config", Bodies.ChangeConfiguration("Auto", configuration));
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        var deployment = await emulator.DeploymentAsync("svc");
        Assert.Equal(2, Statuses(deployment).Length);
        Assert.Equal("false", Text(deployment, "Locked"));
    }

    [Fact]
    public async Task The_largest_deployment_the_quota_allows_is_served_in_full()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc", configuration: Bodies.Configuration(Enumerable.Range(0, 10).Select(i => ("Role" + i, 1000)).ToArray()));
        var deployment = await emulator.DeploymentAsync("svc");
        Assert.Equal(10_000, Statuses(deployment).Length);
        Assert.All(Statuses(deployment), s => Assert.Equal("ReadyRole", s));
    }
}
