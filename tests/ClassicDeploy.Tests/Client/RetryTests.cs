using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;
using ClassicDeploy.Tests.Infrastructure;
using ClassicDeploy.Tests.Wire;
using Xunit;

namespace ClassicDeploy.Tests.Client;

public sealed class RetryTests
{
    private const string Succeeded = "<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>op</ID><Status>Succeeded</Status><HttpStatusCode>200</HttpStatusCode></Operation>";
    private static readonly DeploymentTarget Production = DeploymentTarget.BySlot("contoso", DeploymentSlot.Production);

    private static HttpRequestException Refused() =>
        new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));

    private static HttpRequestException ResetAfterSend() =>
        new HttpRequestException("Error while copying content to a stream.", new IOException("Connection reset by peer"));

    private static UpgradeDeploymentRequest Upgrade() => new UpgradeDeploymentRequest
    {
        PackageUrl = "https://acct.blob.core.windows.net/p/app.cspkg?sig=SECRET",
        Configuration = "<ServiceConfiguration><Setting value=\"CONFIG-SECRET\"/></ServiceConfiguration>",
        Label = "v2",
    };

    [Fact]
    public async Task GetIsRetriedOn503And500ThenSucceeds()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.ServiceUnavailable, ScriptedHandler.Error("ServiceUnavailable", "busy"))
            .Then(HttpStatusCode.InternalServerError)
            .Then(HttpStatusCode.OK, Succeeded);
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        OperationStatus status = await client.GetOperationStatusAsync("op", CancellationToken.None);

        Assert.Equal(OperationState.Succeeded, status.Status);
        Assert.Equal(3, handler.Seen.Count);
    }

    [Fact]
    public async Task GetIsRetriedAfterTimeoutAndConnectionFailure()
    {
        var handler = new ScriptedHandler().ThenHang().ThenThrow(new HttpRequestException("Name or service not known")).Then(HttpStatusCode.OK, Succeeded);
        var options = ScriptedHandler.Options(handler);
        options.RequestTimeout = TimeSpan.FromMilliseconds(50);
        using var client = new ServiceManagementClient(options);

        OperationStatus status = await client.GetOperationStatusAsync("op", CancellationToken.None);

        Assert.Equal(OperationState.Succeeded, status.Status);
        Assert.Equal(3, handler.Seen.Count);
    }

    [Fact]
    public async Task GetGivesUpAfterMaxRetriesWithTheLastError()
    {
        var handler = new ScriptedHandler { Otherwise = (r, ct) => Task.FromResult(ScriptedHandler.Answer(HttpStatusCode.ServiceUnavailable, ScriptedHandler.Error("ServiceUnavailable", "Try later."))) };
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        var ex = await Assert.ThrowsAsync<ServiceManagementException>(() => client.GetOperationStatusAsync("op", CancellationToken.None));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal("Try later.", ex.Message);
        Assert.Equal(4, handler.Seen.Count);
    }

    [Fact]
    public async Task RetryAfterIsHonouredUpToTheCap()
    {
        var verbose = new ConcurrentQueue<string>();
        var handler = new ScriptedHandler()
            .Then(() => WithRetryAfter(new RetryConditionHeaderValue(TimeSpan.Zero)))
            .Then(() => WithRetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(120))))
            .Then(HttpStatusCode.OK, Succeeded);
        var options = ScriptedHandler.Options(handler, verbose);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(3);
        using var client = new ServiceManagementClient(options);

        await client.GetOperationStatusAsync("op", CancellationToken.None);

        string[] retries = verbose.Where(l => l.StartsWith("Retrying", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, retries.Length);
        Assert.Equal("Retrying GET https://sm.test/sub-1/operations/op in 0 s after 503", retries[0]);
        Assert.Equal("Retrying GET https://sm.test/sub-1/operations/op in 0.02 s after 503", retries[1]);
    }

    [Fact]
    public async Task RetryAfterAsAnHttpDateIsHonoured()
    {
        var verbose = new ConcurrentQueue<string>();
        var handler = new ScriptedHandler()
            .Then(() => WithRetryAfter(new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddMinutes(-1))))
            .Then(HttpStatusCode.OK, Succeeded);
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler, verbose));

        await client.GetOperationStatusAsync("op", CancellationToken.None);

        Assert.Contains("Retrying GET https://sm.test/sub-1/operations/op in 0 s after 503", verbose);
    }

    [Fact]
    public async Task PostIsRetriedOn503And429AndConnectionRefused()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.ServiceUnavailable)
            .Then((HttpStatusCode)429)
            .ThenThrow(Refused())
            .Then(HttpStatusCode.Accepted, requestId: "99999999999999999999999999999999");
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        AcceptedOperation op = await client.UpgradeDeploymentAsync(Production, Upgrade(), CancellationToken.None);

        Assert.Equal("99999999999999999999999999999999", op.RequestId);
        Assert.Equal(4, handler.Seen.Count);
        Assert.All(handler.Seen, s => Assert.Equal(handler.Seen[0].Body, s.Body));
    }

    [Fact]
    public async Task PostIsNotRetriedOn500()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.InternalServerError, ScriptedHandler.Error("InternalError", "oops")).Then(HttpStatusCode.Accepted);
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        var ex = await Assert.ThrowsAsync<ServiceManagementException>(() => client.UpgradeDeploymentAsync(Production, Upgrade(), CancellationToken.None));

        Assert.Equal(500, ex.StatusCode);
        Assert.Single(handler.Seen);
    }

    [Fact]
    public async Task PostIsNotRetriedAfterAResetOnceSent()
    {
        var handler = new ScriptedHandler().ThenThrow(ResetAfterSend()).Then(HttpStatusCode.Accepted);
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.WalkUpgradeDomainAsync(Production, new WalkUpgradeDomainRequest(), CancellationToken.None));

        Assert.Single(handler.Seen);
    }

    [Fact]
    public async Task PostIsNotRetriedAfterATimeout()
    {
        var handler = new ScriptedHandler().ThenHang().Then(HttpStatusCode.Accepted);
        var options = ScriptedHandler.Options(handler);
        options.RequestTimeout = TimeSpan.FromMilliseconds(50);
        using var client = new ServiceManagementClient(options);

        await Assert.ThrowsAsync<TimeoutException>(() => client.DeleteDeploymentAsync(Production, CancellationToken.None));

        Assert.Single(handler.Seen);
    }

    [Fact]
    public async Task VerboseNamesMethodUriStatusAndRequestIdButNeverTheBody()
    {
        var verbose = new ConcurrentQueue<string>();
        var handler = new ScriptedHandler().Then(HttpStatusCode.ServiceUnavailable, requestId: "11111111111111111111111111111111").Then(HttpStatusCode.Accepted, requestId: "22222222222222222222222222222222");
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler, verbose));

        await client.UpgradeDeploymentAsync(Production, Upgrade(), CancellationToken.None);

        const string Uri = "https://sm.test/sub-1/services/hostedservices/contoso/deploymentslots/production/?comp=upgrade";
        Assert.Equal(
            new[]
            {
                "POST " + Uri + " -> 503 (request id 11111111111111111111111111111111)",
                "Retrying POST " + Uri + " in ",
                "POST " + Uri + " -> 202 (request id 22222222222222222222222222222222)",
            },
            verbose.Select(l => l.StartsWith("Retrying", StringComparison.Ordinal) ? l.Substring(0, l.IndexOf(" in ", StringComparison.Ordinal) + 4) : l));
        Assert.DoesNotContain(verbose, l => l.Contains("SECRET") || l.Contains("ServiceConfiguration") || l.Contains("UpgradeDeployment"));
    }

    [Fact]
    public async Task CancellationStopsRetrying()
    {
        using var cts = new CancellationTokenSource();
        var handler = new ScriptedHandler { Otherwise = (r, ct) => { cts.Cancel(); return Task.FromResult(ScriptedHandler.Answer(HttpStatusCode.ServiceUnavailable)); } };
        using var client = new ServiceManagementClient(ScriptedHandler.Options(handler));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetOperationStatusAsync("op", cts.Token));

        Assert.Single(handler.Seen);
    }

    private static HttpResponseMessage WithRetryAfter(RetryConditionHeaderValue value)
    {
        var response = ScriptedHandler.Answer(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = value;
        return response;
    }
}
