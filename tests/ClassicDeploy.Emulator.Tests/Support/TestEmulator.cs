using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClassicDeploy.Emulator.Tests.Support;

/// <summary>An emulator on 127.0.0.1 port 0 with a fake clock, and an HttpClient that speaks to it like a real client.</summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    public const string ApiVersion = "2017-01-01";
    public const string Subscription = "5c4a9d2b-1f3e-4c6a-9b8d-7e2f1a0c3b4d";
    public static readonly XNamespace Ns = "http://schemas.microsoft.com/windowsazure";
    public static readonly TimeSpan DomainDuration = TimeSpan.FromSeconds(10);

    private TestEmulator(EmulatorHost host, FakeTimeProvider clock, HttpClient client)
    {
        this.Host = host;
        this.Clock = clock;
        this.Client = client;
    }

    public EmulatorHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Client { get; }

    public static async Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null, HttpMessageHandler? handler = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var options = new EmulatorOptions
        {
            InMemory = true,
            Clock = clock,
            UpgradeDomainDuration = DomainDuration,
        };
        configure?.Invoke(options);
        var host = await EmulatorHost.StartAsync(options);
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = host.BaseAddress;
        return new TestEmulator(host, clock, client);
    }

    /// <summary>Path under the subscription, e.g. <c>services/hostedservices</c>.</summary>
    public static string P(string path) => Subscription + "/" + path;

    public Task<HttpResponseMessage> GetAsync(string path, string? version = ApiVersion) =>
        this.SendAsync(HttpMethod.Get, path, null, version);

    public Task<HttpResponseMessage> DeleteAsync(string path, string? version = ApiVersion) =>
        this.SendAsync(HttpMethod.Delete, path, null, version);

    public Task<HttpResponseMessage> PostAsync(string path, string body, string? version = ApiVersion) =>
        this.SendAsync(HttpMethod.Post, path, body, version);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, string? version = ApiVersion)
    {
        using var request = new HttpRequestMessage(method, P(path));
        if (version is not null)
        {
            request.Headers.TryAddWithoutValidation("x-ms-version", version);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/xml");
        }

        return await this.Client.SendAsync(request);
    }

    /// <summary>POSTs and asserts 202 with a request id; returns the id.</summary>
    public async Task<string> AcceptedAsync(string path, string body)
    {
        using var response = await this.PostAsync(path, body);
        return await AssertAcceptedAsync(response);
    }

    public static async Task<string> AssertAcceptedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {text}");
        Assert.Equal(string.Empty, text);
        return RequestId(response);
    }

    public static string RequestId(HttpResponseMessage response)
    {
        var id = Assert.Single(response.Headers.GetValues("x-ms-request-id"));
        Assert.Matches("^[0-9a-f]{32}$", id);
        return id;
    }

    public static async Task<XElement> XmlAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return XDocument.Parse(text).Root!;
    }

    /// <summary>Asserts the service's &lt;Error&gt; body with <paramref name="code"/> and returns its message.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var root = await XmlAsync(response, status);
        Assert.Equal(Ns + "Error", root.Name);
        Assert.Equal("http://www.w3.org/2001/XMLSchema-instance", root.Attribute(XNamespace.Xmlns + "i")?.Value);
        Assert.Equal(code, root.Element(Ns + "Code")?.Value);
        RequestId(response);
        return root.Element(Ns + "Message")!.Value;
    }

    public async Task<XElement> GetXmlAsync(string path)
    {
        using var response = await this.GetAsync(path);
        return await XmlAsync(response);
    }

    public async Task<XElement> DeploymentAsync(string service, string slot = "production") =>
        await this.GetXmlAsync($"services/hostedservices/{service}/deploymentslots/{slot}");

    public async Task<string> OperationStatusAsync(string requestId)
    {
        var operation = await this.GetXmlAsync("operations/" + requestId);
        return operation.Element(Ns + "Status")!.Value;
    }

    /// <summary>Moves the fake clock until the operation is no longer InProgress (bounded), and returns its final XML.</summary>
    public async Task<XElement> CompleteAsync(string requestId)
    {
        for (var step = 0; step < 200; step++)
        {
            var operation = await this.GetXmlAsync("operations/" + requestId);
            if (operation.Element(Ns + "Status")!.Value != "InProgress")
            {
                return operation;
            }

            this.Clock.Advance(DomainDuration);
        }

        throw new InvalidOperationException($"Operation {requestId} did not finish.");
    }

    public async Task<XElement> SucceedAsync(string requestId)
    {
        var operation = await this.CompleteAsync(requestId);
        Assert.Equal("Succeeded", operation.Element(Ns + "Status")!.Value);
        Assert.Equal("200", operation.Element(Ns + "HttpStatusCode")!.Value);
        return operation;
    }

    public async Task CreateServiceAsync(string service)
    {
        using var response = await this.PostAsync("services/hostedservices", Bodies.CreateHostedService(service));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {text}");
    }

    /// <summary>A service with a running deployment in <paramref name="slot"/>.</summary>
    public async Task DeployAsync(string service, string slot = "production", string name = "dep1", string? configuration = null, bool createService = true)
    {
        if (createService)
        {
            await this.CreateServiceAsync(service);
        }

        var id = await this.AcceptedAsync(
            $"services/hostedservices/{service}/deploymentslots/{slot}",
            Bodies.CreateDeployment(name, configuration ?? Bodies.Configuration(("WebRole1", 5), ("WorkerRole1", 2))));
        await this.SucceedAsync(id);
        this.Clock.Advance(StartTime);
    }

    /// <summary>From an instance's update to ReadyRole (the emulator's default: half a domain).</summary>
    public static readonly TimeSpan StartTime = DomainDuration / 2;

    /// <summary>The Locked window of accepting an update or a walk (default: a quarter of a domain).</summary>
    public static readonly TimeSpan AcceptTime = DomainDuration / 4;

    public static string Text(XElement element, string name) => element.Element(Ns + name)?.Value ?? throw new Xunit.Sdk.XunitException($"no {name} in {element}");

    public static string[] Statuses(XElement deployment) =>
        deployment.Element(Ns + "RoleInstanceList")!.Elements(Ns + "RoleInstance").Select(i => Text(i, "InstanceStatus")).ToArray();

    public async ValueTask DisposeAsync()
    {
        this.Client.Dispose();
        await this.Host.DisposeAsync();
    }
}
