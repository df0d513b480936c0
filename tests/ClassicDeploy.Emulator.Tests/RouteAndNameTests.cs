using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests;

/// <summary>Paths, comp and names a client can get wrong: each is refused with the error XML, and nothing changes.</summary>
public sealed class RouteAndNameTests
{
    private const string Ns = "http://schemas.microsoft.com/windowsazure";

    [Theory]
    [InlineData("services/hostedservices/svc/deploymentslots/%01", HttpStatusCode.NotFound, "ResourceNotFound")]
    [InlineData("services/hostedservices/svc/deploymentslots/production?comp=%01", HttpStatusCode.BadRequest, "BadRequest")]
    [InlineData("services/hostedservices/svc/deploymentslots/%1B%5B31m", HttpStatusCode.NotFound, "ResourceNotFound")]
    public async Task A_control_character_echoed_in_an_error_is_escaped_not_a_500(string path, HttpStatusCode status, string code)
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        using var response = await emulator.GetAsync(path);
        var message = await AssertErrorAsync(response, status, code);
        Assert.DoesNotContain('\u0001', message);
        Assert.DoesNotContain('\u001B', message);
        Assert.Contains(@"\u00", message);
    }

    [Fact]
    public async Task A_control_character_reference_in_the_body_is_InvalidXmlRequest()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var body = $"<WalkUpgradeDomain xmlns=\"{Ns}\"><UpgradeDomain>&#1;</UpgradeDomain></WalkUpgradeDomain>";
        using var response = await emulator.PostAsync("services/hostedservices/svc/deploymentslots/production/?comp=walkupgradedomain", body);
        var message = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "InvalidXmlRequest");
        Assert.DoesNotContain('\u0001', message);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("../../x")]
    [InlineData("..")]
    [InlineData("dep 1")]
    [InlineData("d\u212Aep")]
    public async Task A_deployment_name_the_path_cannot_carry_is_refused_at_create(string name)
    {
        await using var emulator = await StartAsync();
        await emulator.CreateServiceAsync("svc");
        using var response = await emulator.PostAsync("services/hostedservices/svc/deploymentslots/production", Bodies.CreateDeployment(name, Bodies.DefaultConfiguration));
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        using var slot = await emulator.GetAsync("services/hostedservices/svc/deploymentslots/production");
        await AssertErrorAsync(slot, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    [Fact]
    public async Task A_deployment_name_with_periods_and_underscores_is_reachable_by_name()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc", name: "web_v1.2-blue");
        Assert.Equal("web_v1.2-blue", Text(await emulator.GetXmlAsync("services/hostedservices/svc/deployments/web_v1.2-blue"), "Name"));
    }

    [Theory]
    [InlineData("DELETE", "services/hostedservices/svc/deploymentslots/staging?comp=rollback")]
    [InlineData("DELETE", "services/hostedservices/svc?comp=bogus")]
    [InlineData("GET", "services/hostedservices/svc/deploymentslots/staging?comp=upgrade")]
    [InlineData("GET", "services/hostedservices?comp=list")]
    [InlineData("GET", "operations/0123456789abcdef0123456789abcdef?comp=x")]
    [InlineData("POST", "services/hostedservices/svc/deploymentslots/staging?comp=bogus")]
    public async Task An_unknown_or_misplaced_comp_is_BadRequest_and_changes_nothing(string method, string path)
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc", "staging", "green");
        var body = method == "POST" ? Bodies.Upgrade("Auto") : null;
        using var response = await emulator.SendAsync(new HttpMethod(method), path, body);
        var message = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Contains("comp", message);
        var staging = await emulator.DeploymentAsync("svc", "staging");
        Assert.Equal("green", Text(staging, "Name"));
        Assert.Equal("false", Text(staging, "Locked"));
    }

    [Fact]
    public async Task A_swap_body_posted_with_a_bogus_comp_does_not_swap()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc", "staging", "green");
        using var response = await emulator.PostAsync("services/hostedservices/svc?comp=bogus", Bodies.Swap(null, "green"));
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
        Assert.Equal("Staging", Text(await emulator.GetXmlAsync("services/hostedservices/svc/deployments/green"), "DeploymentSlot"));
        Assert.Equal("false", Text(await emulator.DeploymentAsync("svc", "staging"), "Locked"));
    }

    [Fact]
    public async Task A_method_the_resource_does_not_take_is_MethodNotAllowed()
    {
        await using var emulator = await StartAsync();
        using var response = await emulator.SendAsync(HttpMethod.Put, "services/hostedservices", Bodies.CreateHostedService("svc"));
        await AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");
    }

    [Fact]
    public async Task The_Kelvin_sign_neither_reads_nor_deletes_a_service_named_with_k()
    {
        await using var emulator = await StartAsync();
        await emulator.CreateServiceAsync("kelvin");
        using (var read = await emulator.GetAsync("services/hostedservices/%E2%84%AAelvin"))
        {
            await AssertErrorAsync(read, HttpStatusCode.BadRequest, "BadRequest");
        }

        using (var delete = await emulator.DeleteAsync("services/hostedservices/%E2%84%AAelvin"))
        {
            await AssertErrorAsync(delete, HttpStatusCode.BadRequest, "BadRequest");
        }

        Assert.Equal("kelvin", Text(await emulator.GetXmlAsync("services/hostedservices/kelvin"), "ServiceName"));
        Assert.Equal("kelvin", Text(await emulator.GetXmlAsync("services/hostedservices/KELVIN"), "ServiceName"));
    }

    [Fact]
    public async Task The_Kelvin_sign_in_a_subscription_does_not_reach_another_subscription()
    {
        await using var emulator = await StartAsync();
        using (var create = await Raw(emulator, HttpMethod.Post, "/kubk/services/hostedservices", Bodies.CreateHostedService("svc")))
        {
            Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        }

        using var read = await Raw(emulator, HttpMethod.Get, "/%E2%84%AAubk/services/hostedservices/svc", null);
        await AssertErrorAsync(read, HttpStatusCode.BadRequest, "BadRequest");
        using var list = await Raw(emulator, HttpMethod.Get, "/%E2%84%AAubk/services/hostedservices", null);
        await AssertErrorAsync(list, HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task A_long_s_is_no_s_in_a_slot_name()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc", "staging", "green");
        using var response = await emulator.GetAsync("services/hostedservices/svc/deploymentslots/%C5%BFtaging");
        await AssertErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFound");
    }

    private static async Task<HttpResponseMessage> Raw(TestEmulator emulator, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-ms-version", ApiVersion);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/xml");
        }

        return await emulator.Client.SendAsync(request);
    }
}
