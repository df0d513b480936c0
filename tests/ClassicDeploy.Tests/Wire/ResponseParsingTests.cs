using System;
using ClassicDeploy.Client;
using ClassicDeploy.Models;
using ClassicDeploy.Wire;
using Xunit;

namespace ClassicDeploy.Tests.Wire;

public sealed class ResponseParsingTests
{
    internal const string DeploymentXml =
        "<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">" +
        "<Name>blue</Name><DeploymentSlot>Production</DeploymentSlot><PrivateID>0123abcd</PrivateID><Status>RunningTransitioning</Status>" +
        "<Label>djIgbGFiZWw=</Label><Url>http://0123abcd.cloudapp.net/</Url><Configuration>" + RequestXmlTests.ConfigBase64 + "</Configuration>" +
        "<RoleInstanceList>" +
        "<RoleInstance><RoleName>Web</RoleName><InstanceName>Web_IN_0</InstanceName><InstanceStatus>ReadyRole</InstanceStatus>" +
        "<InstanceUpgradeDomain>0</InstanceUpgradeDomain><InstanceFaultDomain>0</InstanceFaultDomain><InstanceSize>Small</InstanceSize>" +
        "<InstanceStateDetails /><IpAddress>10.0.0.4</IpAddress><PowerState>Started</PowerState><HostName>web0</HostName><FutureThing>x</FutureThing></RoleInstance>" +
        "<RoleInstance><RoleName>Web</RoleName><InstanceName>Web_IN_1</InstanceName><InstanceStatus>BusyRole</InstanceStatus>" +
        "<InstanceUpgradeDomain>1</InstanceUpgradeDomain><InstanceFaultDomain>1</InstanceFaultDomain></RoleInstance>" +
        "</RoleInstanceList>" +
        "<UpgradeStatus><UpgradeType>Manual</UpgradeType><CurrentUpgradeDomainState>Before</CurrentUpgradeDomainState><CurrentUpgradeDomain>1</CurrentUpgradeDomain></UpgradeStatus>" +
        "<UpgradeDomainCount>5</UpgradeDomainCount><RoleList><Role><RoleName>Web</RoleName><OsVersion>WA-GUEST-OS-6.1</OsVersion></Role></RoleList>" +
        "<SdkVersion>2.9.6</SdkVersion><Locked>false</Locked><RollbackAllowed>true</RollbackAllowed>" +
        "<CreatedTime>2026-11-22T10:15:30Z</CreatedTime><LastModifiedTime>2026-11-22T11:00:00Z</LastModifiedTime>" +
        "<ExtendedProperties><ExtendedProperty><Name>Build</Name><Value>42</Value></ExtendedProperty></ExtendedProperties>" +
        "</Deployment>";

    [Fact]
    public void DeploymentIsParsedAndDecoded()
    {
        Deployment d = ResponseParser.Deployment(DeploymentXml, "contoso");

        Assert.Equal("contoso", d.ServiceName);
        Assert.Equal("blue", d.DeploymentName);
        Assert.Equal(DeploymentSlot.Production, d.Slot);
        Assert.Equal("0123abcd", d.PrivateId);
        Assert.Equal("RunningTransitioning", d.Status);
        Assert.Equal("v2 label", d.Label);
        Assert.Equal(RequestXmlTests.Config, d.Configuration);
        Assert.Equal(new Uri("http://0123abcd.cloudapp.net/"), d.Url);
        Assert.Equal(2, d.InstancesTotal);
        Assert.Equal(1, d.InstancesReady);
        Assert.Equal("contoso", d.RoleInstances[1].ServiceName);
        Assert.Equal("blue", d.RoleInstances[1].DeploymentName);
        Assert.Equal(1, d.RoleInstances[1].InstanceUpgradeDomain);
        Assert.Equal("10.0.0.4", d.RoleInstances[0].IpAddress);
        Assert.Null(d.RoleInstances[0].InstanceStateDetails);
        Assert.Equal(UpgradeMode.Manual, d.UpgradeStatus!.UpgradeType);
        Assert.Equal("Before", d.UpgradeStatus.CurrentUpgradeDomainState);
        Assert.Equal(1, d.UpgradeStatus.CurrentUpgradeDomain);
        Assert.Equal(5, d.UpgradeDomainCount);
        Assert.Equal("WA-GUEST-OS-6.1", Assert.Single(d.Roles).OsVersion);
        Assert.False(d.Locked);
        Assert.True(d.RollbackAllowed);
        Assert.Equal(new DateTime(2026, 11, 22, 10, 15, 30, DateTimeKind.Utc), d.CreatedTime);
        Assert.Equal(DateTimeKind.Utc, d.LastModifiedTime!.Value.Kind);
        Assert.Equal("42", Assert.Single(d.ExtendedProperties).Value);
    }

    [Fact]
    public void MinimalDeploymentHasEmptyArraysNotNulls()
    {
        Deployment d = ResponseParser.Deployment(
            "<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>g</Name><DeploymentSlot>staging</DeploymentSlot><Status>Running</Status></Deployment>",
            "svc");

        Assert.Equal(DeploymentSlot.Staging, d.Slot);
        Assert.Empty(d.RoleInstances);
        Assert.Empty(d.Roles);
        Assert.Empty(d.ExtendedProperties);
        Assert.Null(d.UpgradeStatus);
        Assert.Equal(0, d.InstancesTotal);
    }

    [Fact]
    public void HostedServicesWithEmbeddedDeployments()
    {
        string xml =
            "<HostedServices xmlns=\"http://schemas.microsoft.com/windowsazure\"><HostedService><Url>http://127.0.0.1/sub/services/hostedservices/contoso</Url>" +
            "<ServiceName>contoso</ServiceName><HostedServiceProperties><Description>Shop</Description><Location>West Europe</Location>" +
            "<Label>djIgbGFiZWw=</Label><Status>Created</Status><DateCreated>2026-11-22T10:00:00Z</DateCreated><DateLastModified>2026-11-22T10:00:00Z</DateLastModified>" +
            "</HostedServiceProperties><Deployments>" + DeploymentXml.Replace(" xmlns=\"http://schemas.microsoft.com/windowsazure\"", string.Empty) + "</Deployments></HostedService>" +
            "<HostedService><ServiceName>other</ServiceName></HostedService></HostedServices>";

        var services = ResponseParser.HostedServices(xml);

        Assert.Equal(2, services.Count);
        CloudService s = services[0];
        Assert.Equal("contoso", s.ServiceName);
        Assert.Equal("v2 label", s.Label);
        Assert.Equal("West Europe", s.Location);
        Assert.Equal("Created", s.Status);
        Deployment d = Assert.Single(s.Deployments);
        Assert.Equal("contoso", d.ServiceName);
        Assert.Equal("contoso", d.RoleInstances[0].ServiceName);
        Assert.Empty(services[1].Deployments);
        Assert.Null(services[1].Label);
    }

    [Fact]
    public void OperationInProgressAndFailed()
    {
        OperationStatus running = ResponseParser.Operation(
            "<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>abc</ID><Status>InProgress</Status></Operation>");
        Assert.Equal("abc", running.Id);
        Assert.Equal(OperationState.InProgress, running.Status);
        Assert.Null(running.HttpStatusCode);

        OperationStatus failed = ResponseParser.Operation(
            "<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>abc</ID><Status>Failed</Status><HttpStatusCode>400</HttpStatusCode>" +
            "<Error><Code>BadRequest</Code><Message>Walk domain 2, not 3.</Message></Error></Operation>");
        Assert.Equal(OperationState.Failed, failed.Status);
        Assert.Equal(400, failed.HttpStatusCode);
        Assert.Equal("BadRequest", failed.ErrorCode);
        Assert.Equal("Walk domain 2, not 3.", failed.ErrorMessage);
    }

    [Fact]
    public void ErrorDocument()
    {
        var error = ResponseParser.Error(
            "<Error xmlns=\"http://schemas.microsoft.com/windowsazure\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><Code>ResourceNotFound</Code><Message>No deployments were found.</Message></Error>");
        Assert.Equal("ResourceNotFound", error!.Value.Code);
        Assert.Equal("No deployments were found.", error.Value.Message);
        Assert.Null(ResponseParser.Error("<html><body>Bad gateway</body></html>"));
        Assert.Null(ResponseParser.Error(string.Empty));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>blue</Na", "not well-formed")]
    [InlineData("<!DOCTYPE html><html><body>Sign in</body></html>", "not well-formed")]
    [InlineData("<html><body>Sign in</body></html>", "root element is html")]
    [InlineData("<Deployment xmlns=\"https://schemas.microsoft.com/windowsazure\"><Name>b</Name></Deployment>", "namespace https://schemas.microsoft.com/windowsazure")]
    [InlineData("<Deployment><Name>b</Name></Deployment>", "no namespace")]
    [InlineData("<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><DeploymentSlot>Production</DeploymentSlot><Status>Running</Status></Deployment>", "no Name")]
    [InlineData("<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>b</Name><DeploymentSlot>Bogus</DeploymentSlot><Status>Running</Status></Deployment>", "unknown value 'Bogus'")]
    [InlineData("<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>b</Name><DeploymentSlot>1</DeploymentSlot><Status>Running</Status></Deployment>", "unknown value '1'")]
    [InlineData("<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>b</Name><DeploymentSlot>Staging</DeploymentSlot><Status>Running</Status><Label>***</Label></Deployment>", "not valid base64")]
    [InlineData("<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>b</Name><DeploymentSlot>Staging</DeploymentSlot><Status>Running</Status><UpgradeDomainCount>five</UpgradeDomainCount></Deployment>", "not an integer")]
    [InlineData("<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>b</Name><DeploymentSlot>Staging</DeploymentSlot><Status>Running</Status><Locked>maybe</Locked></Deployment>", "not true or false")]
    [InlineData("<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>b</Name><DeploymentSlot>Staging</DeploymentSlot><Status>Running</Status><CreatedTime>yesterday</CreatedTime></Deployment>", "not an ISO 8601 time")]
    [InlineData("<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>b</Name><DeploymentSlot>Staging</DeploymentSlot><Status>Running</Status><UpgradeStatus><UpgradeType>Sideways</UpgradeType><CurrentUpgradeDomainState>Before</CurrentUpgradeDomainState></UpgradeStatus></Deployment>", "unknown value 'Sideways'")]
    public void HostileDeploymentBodiesAreInvalidResponses(string body, string fragment)
    {
        var ex = Assert.Throws<InvalidResponseException>(() => ResponseParser.Deployment(body, "svc"));
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void UnknownOperationStatusIsInvalid()
    {
        var ex = Assert.Throws<InvalidResponseException>(() => ResponseParser.Operation(
            "<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>abc</ID><Status>Weird</Status></Operation>"));
        Assert.Contains("Operation/Status has the unknown value 'Weird'", ex.Message);
        Assert.Throws<InvalidResponseException>(() => ResponseParser.Operation(
            "<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><Status>Succeeded</Status></Operation>"));
    }

    [Fact]
    public void EntityExpansionIsRefused()
    {
        string bomb = "<?xml version=\"1.0\"?><!DOCTYPE Operation [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>" +
            "<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>&b;</ID><Status>Succeeded</Status></Operation>";
        Assert.Throws<InvalidResponseException>(() => ResponseParser.Operation(bomb));
    }
}
