using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests;

public sealed class DeploymentTests
{
    [Fact]
    public async Task Created_deployment_is_served_in_protocol_order_with_base64_label_and_configuration()
    {
        await using var emulator = await StartAsync();
        var configuration = Bodies.Configuration(("WebRole1", 3), ("WorkerRole1", 2));
        await emulator.DeployAsync("svc", configuration: configuration);

        var d = await emulator.DeploymentAsync("svc");
        Assert.Equal(Ns + "Deployment", d.Name);
        var order = d.Elements().Select(e => e.Name.LocalName).ToList();
        var expected = new[]
        {
            "Name", "DeploymentSlot", "PrivateID", "Status", "Label", "Url", "Configuration", "RoleInstanceList",
            "UpgradeDomainCount", "RoleList", "SdkVersion", "Locked", "RollbackAllowed", "CreatedTime", "LastModifiedTime",
        };
        Assert.Equal(expected.Where(e => e != "SdkVersion" || order.Contains(e)), order.Where(expected.Contains));
        Assert.DoesNotContain("UpgradeStatus", order);
        Assert.Equal("dep1", Text(d, "Name"));
        Assert.Equal("Production", Text(d, "DeploymentSlot"));
        Assert.Equal("Running", Text(d, "Status"));
        Assert.Equal(Bodies.B64("v1"), Text(d, "Label"));
        Assert.Equal(configuration, System.Text.Encoding.UTF8.GetString(System.Convert.FromBase64String(Text(d, "Configuration"))));
        // The largest role (3 instances) spans 3 of the 5 domains.
        Assert.Equal("3", Text(d, "UpgradeDomainCount"));
        Assert.Equal("false", Text(d, "Locked"));
        Assert.Equal("false", Text(d, "RollbackAllowed"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", Text(d, "CreatedTime"));

        var instances = d.Element(Ns + "RoleInstanceList")!.Elements(Ns + "RoleInstance").ToList();
        Assert.Equal(5, instances.Count);
        Assert.All(instances, i => Assert.Equal("ReadyRole", Text(i, "InstanceStatus")));
        var web = instances.Where(i => Text(i, "RoleName") == "WebRole1").ToList();
        Assert.Equal(new[] { "0", "1", "2" }, web.Select(i => Text(i, "InstanceUpgradeDomain")));
        Assert.Equal("WebRole1_IN_0", Text(web[0], "InstanceName"));
        Assert.Equal(new[] { "WebRole1", "WorkerRole1" }, d.Element(Ns + "RoleList")!.Elements(Ns + "Role").Select(r => Text(r, "RoleName")));
    }

    [Theory]
    [InlineData("production", "Production")]
    [InlineData("Production", "Production")]
    [InlineData("STAGING", "Staging")]
    [InlineData("staging", "Staging")]
    public async Task Slots_match_in_any_letter_case(string slot, string expected)
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc", slot.ToLowerInvariant());
        var bySlot = await emulator.GetXmlAsync($"services/hostedservices/svc/deploymentslots/{slot}");
        Assert.Equal(expected, Text(bySlot, "DeploymentSlot"));
        var byName = await emulator.GetXmlAsync("services/hostedservices/svc/deployments/dep1");
        Assert.Equal(expected, Text(byName, "DeploymentSlot"));
    }

    [Fact]
    public async Task Unknown_slot_and_empty_slot_and_unknown_name_are_ResourceNotFound()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        foreach (var path in new[] { "deploymentslots/canary", "deploymentslots/staging", "deployments/nosuch" })
        {
            using var response = await emulator.GetAsync("services/hostedservices/svc/" + path);
            await AssertErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound");
        }
    }

    [Fact]
    public async Task Occupied_slot_is_ConflictError()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        using var response = await emulator.PostAsync("services/hostedservices/svc/deploymentslots/production", Bodies.CreateDeployment("dep2", Bodies.DefaultConfiguration));
        await AssertErrorAsync(response, HttpStatusCode.Conflict, "ConflictError");
    }

    [Fact]
    public async Task Create_in_a_missing_service_is_ResourceNotFound()
    {
        await using var emulator = await StartAsync();
        using var response = await emulator.PostAsync("services/hostedservices/nosuch/deploymentslots/production", Bodies.CreateDeployment("dep1", Bodies.DefaultConfiguration));
        await AssertErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Theory]
    [InlineData("deploymentslots/production")]
    [InlineData("deployments/dep1")]
    public async Task Delete_answers_202_and_the_deployment_is_gone_when_the_operation_succeeds(string path)
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        using var response = await emulator.DeleteAsync("services/hostedservices/svc/" + path);
        var id = await AssertAcceptedAsync(response);
        await emulator.SucceedAsync(id);
        using var get = await emulator.GetAsync("services/hostedservices/svc/deploymentslots/production");
        await AssertErrorAsync(get, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Operation_is_InProgress_until_the_clock_moves()
    {
        await using var emulator = await StartAsync();
        await emulator.CreateServiceAsync("svc");
        var id = await emulator.AcceptedAsync("services/hostedservices/svc/deploymentslots/staging", Bodies.CreateDeployment("dep1", Bodies.DefaultConfiguration));
        var operation = await emulator.GetXmlAsync("operations/" + id);
        Assert.Equal(new[] { "ID", "Status" }, operation.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(System.Guid.ParseExact(id, "N").ToString("D"), Text(operation, "ID"));
        Assert.Equal("InProgress", Text(operation, "Status"));
        var done = await emulator.SucceedAsync(id);
        Assert.Equal(new[] { "ID", "Status", "HttpStatusCode" }, done.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task Create_deployment_with_roles_the_configuration_cannot_describe_is_BadRequest()
    {
        await using var emulator = await StartAsync();
        await emulator.CreateServiceAsync("svc");
        using var response = await emulator.PostAsync(
            "services/hostedservices/svc/deploymentslots/production",
            Bodies.CreateDeployment("dep1", "this is not a service configuration"));
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
    }
}
