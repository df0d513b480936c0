using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests.Http;

/// <summary>Details of the XML both ways: optional elements, extended properties, encodings.</summary>
public sealed class WireFormatTests
{
    private const string CreateNs = "<CreateHostedService xmlns=\"http://schemas.microsoft.com/windowsazure\">";

    [Fact]
    public async Task Affinity_group_and_extended_properties_round_trip_and_empty_elements_are_omitted()
    {
        await using var emulator = await StartAsync();
        var body = $"<?xml version=\"1.0\" encoding=\"utf-8\"?>{CreateNs}<ServiceName>svc</ServiceName><Label>{Bodies.B64("l")}</Label><AffinityGroup>group-1</AffinityGroup>"
            + "<ExtendedProperties><ExtendedProperty><Name>Owner</Name><Value>team &amp; co</Value></ExtendedProperty><ExtendedProperty><Name>Tier</Name><Value>gold</Value></ExtendedProperty></ExtendedProperties></CreateHostedService>";
        using var created = await emulator.PostAsync("services/hostedservices", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var properties = (await emulator.GetXmlAsync("services/hostedservices/svc")).Element(Ns + "HostedServiceProperties")!;
        Assert.Equal(
            new[] { "AffinityGroup", "Label", "Status", "DateCreated", "DateLastModified", "ExtendedProperties" },
            properties.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("group-1", Text(properties, "AffinityGroup"));
        var extended = properties.Element(Ns + "ExtendedProperties")!.Elements(Ns + "ExtendedProperty").ToList();
        Assert.Equal(new[] { ("Owner", "team & co"), ("Tier", "gold") }, extended.Select(p => (Text(p, "Name"), Text(p, "Value"))));
    }

    [Fact]
    public async Task Deployment_extended_properties_are_served_after_an_upgrade()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var id = await emulator.AcceptedAsync(
            "services/hostedservices/svc/deploymentslots/production/?comp=upgrade",
            Bodies.Upgrade("Auto", extra: Bodies.Properties(25, value: i => new string('v', 255))));
        await emulator.SucceedAsync(id);
        var properties = (await emulator.DeploymentAsync("svc")).Element(Ns + "ExtendedProperties")!.Elements(Ns + "ExtendedProperty").ToList();
        Assert.Equal(25, properties.Count);
        Assert.Equal("Prop0", Text(properties[0], "Name"));
        Assert.Equal(255, Text(properties[0], "Value").Length);
    }

    [Theory]
    [InlineData("<Location>West Europe</Location><AffinityGroup>g</AffinityGroup>")]
    [InlineData("<Description>d</Description>", 101)]
    public async Task Invalid_create_hosted_service_values_are_BadRequest(string tail, int labelLength = 5)
    {
        await using var emulator = await StartAsync();
        var body = $"{CreateNs}<ServiceName>svc</ServiceName><Label>{Bodies.B64(new string('l', labelLength))}</Label>{tail}</CreateHostedService>";
        using var response = await emulator.PostAsync("services/hostedservices", body);
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task Location_before_description_is_InvalidXmlRequest()
    {
        await using var emulator = await StartAsync();
        var body = $"{CreateNs}<ServiceName>svc</ServiceName><Label>{Bodies.B64("l")}</Label><Location>West Europe</Location><Description>d</Description></CreateHostedService>";
        using var response = await emulator.PostAsync("services/hostedservices", body);
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "InvalidXmlRequest");
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_is_accepted()
    {
        await using var emulator = await StartAsync();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Bodies.CreateHostedService("svc"))).ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, P("services/hostedservices")) { Content = new ByteArrayContent(bytes) };
        request.Headers.Add("x-ms-version", ApiVersion);
        using var response = await emulator.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_configuration_file_with_a_byte_order_mark_is_accepted_and_served_back_without_it()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        var configuration = "\uFEFF" + Bodies.DefaultConfiguration;
        await emulator.SucceedAsync(await emulator.AcceptedAsync("services/hostedservices/svc/deploymentslots/production/?comp=config", Bodies.ChangeConfiguration("Auto", configuration)));
        Assert.Equal(Bodies.B64(Bodies.DefaultConfiguration), Text(await emulator.DeploymentAsync("svc"), "Configuration"));
    }

    [Fact]
    public async Task Responses_are_one_utf8_xml_document_in_the_management_namespace()
    {
        await using var emulator = await StartAsync();
        await emulator.CreateServiceAsync("svc");
        using var response = await emulator.GetAsync("services/hostedservices/svc");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><HostedService xmlns=\"http://schemas.microsoft.com/windowsazure\">", text);
    }
}
