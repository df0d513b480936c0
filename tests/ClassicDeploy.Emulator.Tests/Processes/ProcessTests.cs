using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Xml.Linq;
using ClassicDeploy.Emulator.Tests.Http;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;

namespace ClassicDeploy.Emulator.Tests.Processes;

/// <summary>The built emulator as a child process: its command line, its banner, and state that survives kill -9.</summary>
public sealed class ProcessTests : IDisposable
{
    private const string Slot = "services/hostedservices/svc/deploymentslots/production";
    private static readonly XNamespace Ns = TestEmulator.Ns;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cd-emu-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task State_and_an_in_flight_walk_survive_kill_9()
    {
        // 1. Quick domains: deploy, start a manual upgrade, walk domain 0; then kill -9.
        using (var first = await EmulatorProcess.StartAsync("--port", "0", "--data-dir", _dataDirectory, "--upgrade-domain-seconds", "0.05"))
        {
            using var client = Client(first);
            await CreatedAsync(client, "services/hostedservices", Bodies.CreateHostedService("svc"));
            await SucceedAsync(client, await AcceptedAsync(client, Slot, Bodies.CreateDeployment("dep1", Bodies.DefaultConfiguration)));
            await SucceedAsync(client, await AcceptedAsync(client, Slot + "/?comp=upgrade", Bodies.Upgrade("Manual")));
            await SucceedAsync(client, await AcceptedAsync(client, Slot + "/?comp=walkupgradedomain", Bodies.Walk(0)));
            first.KillHard();
        }

        // 2. Slow domains: everything is still there; start walking domain 1 and kill -9 in the middle of it.
        string walk;
        using (var second = await EmulatorProcess.StartAsync("--port", "0", "--data-dir", _dataDirectory, "--upgrade-domain-seconds", "4"))
        {
            using var client = Client(second);
            var deployment = await GetXmlAsync(client, Slot);
            UpgradeFlowTests.AssertUpgradeStatus(deployment, "Manual", "Before", 1);
            Assert.Equal(Bodies.B64("v1"), deployment.Element(Ns + "Label")!.Value);
            walk = await AcceptedAsync(client, Slot + "/?comp=walkupgradedomain", Bodies.Walk(1));
            UpgradeFlowTests.AssertUpgradeStatus(await GetXmlAsync(client, Slot), "Manual", "During", 1);
            second.KillHard();
        }

        // 3. The walk is still known and finishes; the next one runs at the new, quick pace.
        using (var third = await EmulatorProcess.StartAsync("--port", "0", "--data-dir", _dataDirectory, "--upgrade-domain-seconds", "0.05"))
        {
            using var client = Client(third);
            var service = await GetXmlAsync(client, "services/hostedservices/svc");
            Assert.Equal("svc", service.Element(Ns + "ServiceName")!.Value);
            await SucceedAsync(client, walk);
            UpgradeFlowTests.AssertUpgradeStatus(await GetXmlAsync(client, Slot), "Manual", "Before", 2);
            await SucceedAsync(client, await AcceptedAsync(client, Slot + "/?comp=walkupgradedomain", Bodies.Walk(2)));
            UpgradeFlowTests.AssertUpgradeStatus(await GetXmlAsync(client, Slot), "Manual", "Before", 3);
        }
    }

    [Fact]
    public async Task First_line_is_the_banner_then_one_log_line_per_request_and_SIGTERM_stops_cleanly()
    {
        using var emulator = await EmulatorProcess.StartAsync("--port", "0", "--in-memory");
        Assert.Equal(EmulatorProcess.Banner + emulator.BaseAddress, emulator.Output.First());
        Assert.Equal("127.0.0.1", emulator.BaseAddress!.Host);
        using (var client = Client(emulator))
        {
            await GetXmlAsync(client, "services/hostedservices");
        }

        emulator.Terminate();
        Assert.Equal(0, await emulator.WaitForExitAsync());
        var log = Assert.Single(emulator.Output.Skip(1));
        Assert.Contains("GET /" + TestEmulator.Subscription + "/services/hostedservices 200 ", log);
    }

    [Fact]
    public async Task Help_prints_the_options_and_bad_flags_exit_2()
    {
        using (var help = EmulatorProcess.Launch(new[] { "--help" }))
        {
            Assert.Equal(0, await help.WaitForExitAsync());
            Assert.Contains(help.Output, l => l.Contains("--upgrade-domain-seconds"));
        }

        using var bad = EmulatorProcess.Launch(new[] { "--port", "banana" });
        Assert.Equal(2, await bad.WaitForExitAsync());
        Assert.Contains(bad.Output, l => l.StartsWith("stderr: --port"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, true);
        }
    }

    private static HttpClient Client(EmulatorProcess emulator) => new() { BaseAddress = emulator.BaseAddress };

    private static HttpRequestMessage Request(HttpMethod method, string path, string? body)
    {
        var request = new HttpRequestMessage(method, TestEmulator.P(path));
        request.Headers.Add("x-ms-version", TestEmulator.ApiVersion);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/xml");
        }

        return request;
    }

    private static async Task CreatedAsync(HttpClient client, string path, string body)
    {
        using var request = Request(HttpMethod.Post, path, body);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<string> AcceptedAsync(HttpClient client, string path, string body)
    {
        using var request = Request(HttpMethod.Post, path, body);
        using var response = await client.SendAsync(request);
        return await TestEmulator.AssertAcceptedAsync(response);
    }

    private static async Task<XElement> GetXmlAsync(HttpClient client, string path)
    {
        using var request = Request(HttpMethod.Get, path, null);
        using var response = await client.SendAsync(request);
        return await TestEmulator.XmlAsync(response);
    }

    /// <summary>Polls (wall clock, bounded) until the operation has finished, and asserts it succeeded.</summary>
    private static async Task SucceedAsync(HttpClient client, string requestId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var operation = await GetXmlAsync(client, "operations/" + requestId);
            var status = operation.Element(Ns + "Status")!.Value;
            if (status != "InProgress")
            {
                Assert.Equal("Succeeded", status);
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"operation {requestId} did not finish");
            await Task.Delay(50);
        }
    }
}
