using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests.Http;

public sealed class HostedServiceTests
{
    [Fact]
    public async Task Create_answers_201_and_get_returns_the_service_in_protocol_order()
    {
        await using var emulator = await StartAsync();
        using var created = await emulator.PostAsync("services/hostedservices", Bodies.CreateHostedService("svc-a", "Label ä"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        RequestId(created);

        var service = await emulator.GetXmlAsync("services/hostedservices/svc-a");
        Assert.Equal(Ns + "HostedService", service.Name);
        Assert.Equal(new[] { "Url", "ServiceName", "HostedServiceProperties" }, service.Elements().Select(e => e.Name.LocalName));
        Assert.EndsWith($"/{Subscription}/services/hostedservices/svc-a", Text(service, "Url"));
        Assert.Equal("svc-a", Text(service, "ServiceName"));
        var properties = service.Element(Ns + "HostedServiceProperties")!;
        Assert.Equal(
            new[] { "Description", "Location", "Label", "Status", "DateCreated", "DateLastModified" },
            properties.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(Bodies.B64("Label ä"), Text(properties, "Label"));
        Assert.Equal("Created", Text(properties, "Status"));
        Assert.Equal("2026-11-22T10:00:00Z", Text(properties, "DateCreated"));
    }

    [Fact]
    public async Task List_returns_every_service_of_the_subscription()
    {
        await using var emulator = await StartAsync();
        await emulator.CreateServiceAsync("one");
        await emulator.CreateServiceAsync("two");
        var list = await emulator.GetXmlAsync("services/hostedservices");
        Assert.Equal(Ns + "HostedServices", list.Name);
        Assert.Equal(new[] { "one", "two" }, list.Elements(Ns + "HostedService").Select(s => Text(s, "ServiceName")).OrderBy(n => n));
    }

    [Fact]
    public async Task Embed_detail_adds_the_deployments()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var plain = await emulator.GetXmlAsync("services/hostedservices/svc");
        Assert.Null(plain.Element(Ns + "Deployments"));
        var detailed = await emulator.GetXmlAsync("services/hostedservices/svc?embed-detail=true");
        var deployment = Assert.Single(detailed.Element(Ns + "Deployments")!.Elements(Ns + "Deployment"));
        Assert.Equal("dep1", Text(deployment, "Name"));
    }

    [Fact]
    public async Task Taken_name_is_ConflictError()
    {
        await using var emulator = await StartAsync();
        await emulator.CreateServiceAsync("svc");
        using var again = await emulator.PostAsync("services/hostedservices", Bodies.CreateHostedService("svc"));
        await AssertErrorAsync(again, HttpStatusCode.Conflict, "ConflictError");
    }

    [Fact]
    public async Task Delete_answers_200_then_the_service_is_gone()
    {
        await using var emulator = await StartAsync();
        await emulator.CreateServiceAsync("svc");
        using var deleted = await emulator.DeleteAsync("services/hostedservices/svc");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        using var get = await emulator.GetAsync("services/hostedservices/svc");
        await AssertErrorAsync(get, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task Delete_with_a_deployment_is_ConflictError()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        using var deleted = await emulator.DeleteAsync("services/hostedservices/svc");
        await AssertErrorAsync(deleted, HttpStatusCode.Conflict, "ConflictError");
        await emulator.GetXmlAsync("services/hostedservices/svc");
    }

    [Theory]
    [InlineData("services/hostedservices/nosuch")]
    [InlineData("services/hostedservices/nosuch/deploymentslots/production")]
    [InlineData("services/hostedservices/nosuch/deployments/dep1")]
    [InlineData("operations/0123456789abcdef0123456789abcdef")]
    [InlineData("services/somethingelse")]
    public async Task Unknown_resources_are_ResourceNotFound(string path)
    {
        await using var emulator = await StartAsync();
        using var response = await emulator.GetAsync(path);
        await AssertErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Theory]
    [InlineData("-bad")]
    [InlineData("has space")]
    [InlineData("under_score")]
    public async Task Invalid_service_names_are_BadRequest(string name)
    {
        await using var emulator = await StartAsync();
        using var response = await emulator.PostAsync("services/hostedservices", Bodies.CreateHostedService(name));
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task Services_of_one_subscription_are_invisible_to_another()
    {
        await using var emulator = await StartAsync();
        await emulator.CreateServiceAsync("svc");
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, "other-subscription/services/hostedservices/svc");
        request.Headers.Add("x-ms-version", ApiVersion);
        using var response = await emulator.Client.SendAsync(request);
        await AssertErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound");
    }
}
