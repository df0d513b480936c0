using System;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using ClassicDeploy.Emulator.State;
using ClassicDeploy.Emulator.Wire;
using Xunit;

namespace ClassicDeploy.Emulator.Tests;

/// <summary>Writer shapes the engine cannot easily be driven into over HTTP.</summary>
public sealed class ResponseWriterTests
{
    private static readonly XNamespace Ns = "http://schemas.microsoft.com/windowsazure";

    [Fact]
    public void Failed_operation_carries_its_status_code_and_error()
    {
        var xml = Parse(XmlResponse.Build(ResponseWriters.Operation(new OperationView("abc", "Failed", 409, "ConflictError", "busy <now>"))));
        Assert.Equal(new[] { "ID", "Status", "HttpStatusCode", "Error" }, xml.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("409", xml.Element(Ns + "HttpStatusCode")!.Value);
        Assert.Equal("ConflictError", xml.Element(Ns + "Error")!.Element(Ns + "Code")!.Value);
        Assert.Equal("busy <now>", xml.Element(Ns + "Error")!.Element(Ns + "Message")!.Value);
    }

    [Fact]
    public void Instance_fields_without_a_value_are_omitted_and_times_are_utc()
    {
        var at = new DateTimeOffset(2026, 11, 22, 12, 15, 30, TimeSpan.FromHours(2));
        var instance = new RoleInstanceView("WebRole1", "WebRole1_IN_0", "ReadyRole", 0, 0, "Small", null, null, null, "Started", null);
        var deployment = new DeploymentView(
            "dep1", DeploymentSlotName.Staging, "p1", "Running", "label", "http://p1.cloudapp.net/", "<c/>",
            new[] { instance }, null, 1, new[] { new RoleView("WebRole1", "*") }, "2.9", false, false, at, at,
            new[] { new ExtendedPropertyValue("Gone", null) }, "https://x/p.cspkg");
        var xml = Parse(XmlResponse.Build(ResponseWriters.Deployment(deployment)));
        var written = xml.Element(Ns + "RoleInstanceList")!.Element(Ns + "RoleInstance")!;
        Assert.Equal(
            new[] { "RoleName", "InstanceName", "InstanceStatus", "InstanceUpgradeDomain", "InstanceFaultDomain", "InstanceSize", "PowerState" },
            written.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("2026-11-22T10:15:30Z", xml.Element(Ns + "CreatedTime")!.Value);
        Assert.Equal("Staging", xml.Element(Ns + "DeploymentSlot")!.Value);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("<c/>")), xml.Element(Ns + "Configuration")!.Value);
        var property = xml.Element(Ns + "ExtendedProperties")!.Element(Ns + "ExtendedProperty")!;
        Assert.Equal(new[] { "Name" }, property.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Error_body_escapes_its_message()
    {
        var xml = Parse(ErrorFactory.Build("BadRequest", "a < b & c"));
        Assert.Equal("a < b & c", xml.Element(Ns + "Message")!.Value);
    }

    private static XElement Parse(byte[] bytes) => XDocument.Parse(Encoding.UTF8.GetString(bytes)).Root!;
}
