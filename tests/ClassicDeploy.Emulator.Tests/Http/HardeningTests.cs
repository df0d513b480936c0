using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests.Http;

/// <summary>Hostile bodies are refused quickly, before any state is touched.</summary>
public sealed class HardeningTests
{
    private const string Upgrade = "services/hostedservices/svc/deploymentslots/production/?comp=upgrade";

    [Fact(Timeout = 30000)]
    public async Task Body_over_4_MB_is_refused()
    {
        await using var emulator = await StartAsync();
        var body = Bodies.Upgrade("Auto", extra: "<!--" + new string('x', 5 * 1024 * 1024) + "-->");
        using var response = await emulator.PostAsync(Upgrade, body);
        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "RequestBodyTooLarge");
    }

    [Fact(Timeout = 30000)]
    public async Task Chunked_body_over_4_MB_is_refused()
    {
        await using var emulator = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, P(Upgrade));
        request.Headers.Add("x-ms-version", ApiVersion);
        var bytes = Encoding.UTF8.GetBytes(Bodies.Upgrade("Auto", extra: "<!--" + new string('x', 5 * 1024 * 1024) + "-->"));
        request.Content = new StreamContent(new UnknownLengthStream(bytes));
        request.Headers.TransferEncodingChunked = true;
        using var response = await emulator.Client.SendAsync(request);
        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "RequestBodyTooLarge");
    }

    [Fact(Timeout = 30000)]
    public async Task Billion_laughs_is_InvalidXmlRequest()
    {
        await using var emulator = await StartAsync();
        var dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            dtd.Append($"<!ENTITY lol{i} \"{string.Concat(System.Linq.Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString())};", 10))}\">");
        }

        dtd.Append("]><UpgradeDeployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Mode>&lol9;</Mode></UpgradeDeployment>");
        using var response = await emulator.PostAsync(Upgrade, dtd.ToString());
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "InvalidXmlRequest");
    }

    [Fact(Timeout = 30000)]
    public async Task External_entity_is_InvalidXmlRequest()
    {
        await using var emulator = await StartAsync();
        var body = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><WalkUpgradeDomain xmlns=\"http://schemas.microsoft.com/windowsazure\"><UpgradeDomain>&xxe;</UpgradeDomain></WalkUpgradeDomain>";
        using var response = await emulator.PostAsync("services/hostedservices/svc/deploymentslots/production/?comp=walkupgradedomain", body);
        var message = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "InvalidXmlRequest");
        Assert.DoesNotContain("root:", message);
    }

    [Theory(Timeout = 30000)]
    [InlineData("root")]
    [InlineData("mode")]
    [InlineData("properties")]
    [InlineData("configuration")]
    public async Task Deep_nesting_is_refused(string where)
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var deep = new StringBuilder();
        for (var i = 0; i < 100000; i++)
        {
            deep.Append("<a>");
        }

        for (var i = 0; i < 100000; i++)
        {
            deep.Append("</a>");
        }

        var body = where switch
        {
            "root" => $"<UpgradeDeployment xmlns=\"http://schemas.microsoft.com/windowsazure\">{deep}</UpgradeDeployment>",
            "configuration" => Bodies.Upgrade("Auto", configuration: $"<ServiceConfiguration><Role name=\"WebRole1\"><Instances count=\"2\" />{deep}</Role></ServiceConfiguration>"),
            "mode" => Bodies.Upgrade("Auto").Replace("<Mode>Auto</Mode>", $"<Mode>{deep}</Mode>"),
            _ => Bodies.Upgrade("Auto", extra: $"<ExtendedProperties><ExtendedProperty><Name>{deep}</Name></ExtendedProperty></ExtendedProperties>"),
        };
        using var response = await emulator.PostAsync(Upgrade, body);
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, where == "configuration" ? "BadRequest" : "InvalidXmlRequest");
    }

    [Fact(Timeout = 30000)]
    public async Task Refused_bodies_leave_the_deployment_untouched()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        using var response = await emulator.PostAsync(Upgrade, Bodies.Upgrade("Auto").Replace("</UpgradeDeployment>", "<Extra/></UpgradeDeployment>"));
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "InvalidXmlRequest");
        var deployment = await emulator.DeploymentAsync("svc");
        Assert.Null(deployment.Element(Ns + "UpgradeStatus"));
        Assert.Equal("false", Text(deployment, "Locked"));
    }

    private sealed class UnknownLengthStream : MemoryStream
    {
        public UnknownLengthStream(byte[] bytes)
            : base(bytes, false)
        {
        }

        public override bool CanSeek => false;
    }
}
