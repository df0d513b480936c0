using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;
using ClassicDeploy.Tests.Infrastructure;
using ClassicDeploy.Tests.Wire;
using ClassicDeploy.Wire;
using Xunit;

namespace ClassicDeploy.Tests.Client;

public sealed class ClientRequestTests
{
    private const string Services = "https://sm.test/sub-1/services/hostedservices";

    private static UpgradeDeploymentRequest Upgrade() => new UpgradeDeploymentRequest
    {
        Mode = UpgradeMode.Manual,
        PackageUrl = "https://acct.blob.core.windows.net/p/app.cspkg?sv=1&sig=x",
        Configuration = RequestXmlTests.Config,
        Label = "v2",
    };

    [Fact]
    public async Task UpgradeBySlotPostsTheBodyWithVersionAndContentType()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.Accepted, requestId: "aaaabbbbccccddddeeeeffff00001111");
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        AcceptedOperation accepted = await client.UpgradeDeploymentAsync(DeploymentTarget.BySlot("contoso", DeploymentSlot.Production), Upgrade(), CancellationToken.None);

        Assert.Equal("aaaabbbbccccddddeeeeffff00001111", accepted.RequestId);
        Assert.Equal(202, accepted.HttpStatusCode);
        SeenRequest seen = Assert.Single(handler.Seen);
        Assert.Equal("POST", seen.Method);
        Assert.Equal(Services + "/contoso/deploymentslots/production/?comp=upgrade", seen.Uri);
        Assert.Equal("2017-01-01", seen.Version);
        Assert.Equal("application/xml", seen.ContentType);
        Assert.Equal(Upgrade().ToXml(), seen.Body);
    }

    [Fact]
    public async Task EveryOperationUsesItsUri()
    {
        var handler = new ScriptedHandler { Otherwise = (r, ct) => Task.FromResult(ScriptedHandler.Answer(HttpStatusCode.Accepted)) };
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));
        var byName = DeploymentTarget.ByName("contoso", "blue");
        var staging = DeploymentTarget.BySlot("contoso", DeploymentSlot.Staging);

        await client.WalkUpgradeDomainAsync(byName, new WalkUpgradeDomainRequest { UpgradeDomain = 1 }, CancellationToken.None);
        await client.ChangeConfigurationAsync(staging, new ChangeConfigurationRequest { Configuration = RequestXmlTests.Config }, CancellationToken.None);
        await client.RollbackUpdateOrUpgradeAsync(byName, new RollbackUpdateOrUpgradeRequest(), CancellationToken.None);
        await client.SwapDeploymentAsync("contoso", new SwapDeploymentRequest { SourceDeployment = "green" }, CancellationToken.None);
        await client.DeleteDeploymentAsync(staging, CancellationToken.None);
        await client.CreateDeploymentAsync("contoso", DeploymentSlot.Staging, new CreateDeploymentRequest { Name = "g", Label = "l", PackageUrl = "http://x/p", Configuration = RequestXmlTests.Config }, CancellationToken.None);
        await client.CreateHostedServiceAsync(new CreateHostedServiceRequest { ServiceName = "contoso", Label = "l" }, CancellationToken.None);

        Assert.Equal(
            new[]
            {
                "POST " + Services + "/contoso/deployments/blue/?comp=walkupgradedomain",
                "POST " + Services + "/contoso/deploymentslots/staging/?comp=config",
                "POST " + Services + "/contoso/deployments/blue/?comp=rollback",
                "POST " + Services + "/contoso",
                "DELETE " + Services + "/contoso/deploymentslots/staging",
                "POST " + Services + "/contoso/deploymentslots/staging",
                "POST " + Services,
            },
            handler.Seen.ConvertAll(s => s.Method + " " + s.Uri));
        Assert.Null(handler.Seen[4].Body);
    }

    [Fact]
    public async Task NamesAreEscapedInThePath()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, ResponseParsingTests.DeploymentXml);
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        await client.GetDeploymentAsync(DeploymentTarget.ByName("contoso", "blue green?#"), CancellationToken.None);

        Assert.Equal(Services + "/contoso/deployments/blue%20green%3F%23", handler.Seen[0].Uri);
    }

    [Fact]
    public async Task GetDeploymentSetsTheServiceNameFromTheRequest()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, ResponseParsingTests.DeploymentXml);
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        Deployment d = await client.GetDeploymentAsync(DeploymentTarget.BySlot("contoso", DeploymentSlot.Production), CancellationToken.None);

        Assert.Equal("GET", handler.Seen[0].Method);
        Assert.Equal(Services + "/contoso/deploymentslots/production", handler.Seen[0].Uri);
        Assert.Equal("contoso", d.ServiceName);
        Assert.Equal("contoso", d.RoleInstances[0].ServiceName);
    }

    [Fact]
    public async Task GetHostedServiceWithEmbedDetail()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, "<HostedService xmlns=\"http://schemas.microsoft.com/windowsazure\"><ServiceName>contoso</ServiceName></HostedService>");
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        CloudService s = await client.GetHostedServiceAsync("contoso", embedDetail: true, CancellationToken.None);

        Assert.Equal("contoso", s.ServiceName);
        Assert.Equal(Services + "/contoso?embed-detail=true", handler.Seen[0].Uri);
    }

    [Fact]
    public async Task ErrorBodyBecomesServiceManagementException()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.Conflict, ScriptedHandler.Error("ConflictError", "Busy &amp; locked."), "feedfeedfeedfeedfeedfeedfeedfeed");
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        var ex = await Assert.ThrowsAsync<ServiceManagementException>(() =>
            client.UpgradeDeploymentAsync(DeploymentTarget.BySlot("contoso", DeploymentSlot.Production), Upgrade(), CancellationToken.None));

        Assert.Equal(409, ex.StatusCode);
        Assert.Equal("ConflictError", ex.ErrorCode);
        Assert.Equal("Busy & locked.", ex.Message);
        Assert.Equal("feedfeedfeedfeedfeedfeedfeedfeed", ex.RequestId);
    }

    [Fact]
    public async Task ErrorWithoutBodyHasAClearMessage()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NotFound, "<html>nope</html>");
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        var ex = await Assert.ThrowsAsync<ServiceManagementException>(() => client.GetOperationStatusAsync("abc", CancellationToken.None));

        Assert.Equal(404, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Contains("failed with 404", ex.Message);
        Assert.Contains("no error details", ex.Message);
    }

    [Fact]
    public async Task AcceptedWithoutRequestIdIsInvalid()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.Accepted, requestId: null);
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        var ex = await Assert.ThrowsAsync<InvalidResponseException>(() =>
            client.WalkUpgradeDomainAsync(DeploymentTarget.BySlot("contoso", DeploymentSlot.Production), new WalkUpgradeDomainRequest(), CancellationToken.None));

        Assert.Equal(202, ex.StatusCode);
        Assert.Contains("x-ms-request-id", ex.Message);
    }

    [Fact]
    public async Task AnySuccessStatusIsAcceptedForAsyncOperations()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK);
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        AcceptedOperation op = await client.WalkUpgradeDomainAsync(DeploymentTarget.BySlot("contoso", DeploymentSlot.Production), new WalkUpgradeDomainRequest(), CancellationToken.None);

        Assert.Equal(200, op.HttpStatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<html><body>Login</body></html>")]
    [InlineData("<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>b</Name><DeploymentSlot>Bogus</DeploymentSlot><Status>Running</Status></Deployment>")]
    public async Task GarbledSuccessIsInvalidResponseWithStatusAndRequestId(string? body)
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, body, "12121212121212121212121212121212");
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        var ex = await Assert.ThrowsAsync<InvalidResponseException>(() =>
            client.GetDeploymentAsync(DeploymentTarget.BySlot("contoso", DeploymentSlot.Staging), CancellationToken.None));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("12121212121212121212121212121212", ex.RequestId);
        Assert.Contains("Deployment", ex.Message);
    }

    [Fact]
    public async Task InvalidRequestsAreRejectedBeforeAnyIo()
    {
        var handler = new ScriptedHandler();
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));
        var bad = Upgrade();
        bad.Label = new string('x', 101);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            client.UpgradeDeploymentAsync(DeploymentTarget.BySlot("contoso", DeploymentSlot.Production), bad, CancellationToken.None));
        await Assert.ThrowsAsync<RequestValidationException>(() =>
            client.GetDeploymentAsync(DeploymentTarget.ByName("contoso", "a/b"), CancellationToken.None));

        Assert.Equal("Label", ex.ParamName);
        Assert.Empty(handler.Seen);
    }

    [Fact]
    public async Task ListHostedServices()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK,
            "<HostedServices xmlns=\"http://schemas.microsoft.com/windowsazure\"><HostedService><ServiceName>a</ServiceName></HostedService><HostedService><ServiceName>b</ServiceName></HostedService></HostedServices>");
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        var services = await client.ListHostedServicesAsync(CancellationToken.None);

        Assert.Equal(new[] { "a", "b" }, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(services, s => s.ServiceName)));
        Assert.Equal("GET " + Services, handler.Seen[0].Method + " " + handler.Seen[0].Uri);
    }

    [Fact]
    public async Task ATargetNeedsASlotOrAName()
    {
        var handler = new ScriptedHandler();
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            client.GetDeploymentAsync(new DeploymentTarget { ServiceName = "contoso" }, CancellationToken.None));

        Assert.Equal("Slot", ex.ParamName);
        Assert.Empty(handler.Seen);
    }

    [Fact]
    public async Task ARedirectIsAnErrorNotFollowed()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.Found, "<html>sign in</html>");
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        var ex = await Assert.ThrowsAsync<ServiceManagementException>(() =>
            client.SwapDeploymentAsync("contoso", new SwapDeploymentRequest { SourceDeployment = "green" }, CancellationToken.None));

        Assert.Equal(302, ex.StatusCode);
        Assert.Single(handler.Seen);
    }
}
