using System.Collections.Generic;
using ClassicDeploy.Models;
using ClassicDeploy.Wire;
using Xunit;

namespace ClassicDeploy.Tests.Wire;

public sealed class RequestXmlTests
{
    internal const string Config = "<ServiceConfiguration><Role name=\"Web\"><Instances count=\"2\"/></Role></ServiceConfiguration>";
    internal const string ConfigBase64 = "PFNlcnZpY2VDb25maWd1cmF0aW9uPjxSb2xlIG5hbWU9IldlYiI+PEluc3RhbmNlcyBjb3VudD0iMiIvPjwvUm9sZT48L1NlcnZpY2VDb25maWd1cmF0aW9uPg==";
    private const string Head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    [Fact]
    public void UpgradeWithEverythingIsWrittenInSeedOrder()
    {
        var request = new UpgradeDeploymentRequest
        {
            Mode = UpgradeMode.Manual,
            PackageUrl = "https://acct.blob.core.windows.net/pkgs/app.cspkg?sv=2015&sig=a%2Bb",
            Configuration = Config,
            Label = "v2 label",
            RoleToUpgrade = "Web",
            Force = true,
            ExtendedProperties = { new ExtendedProperty("Build", "42 <rc>"), new ExtendedProperty("Owner", null) },
            ExtensionConfiguration = new ExtensionConfiguration
            {
                AllRoles = { new ExtensionReference("RDP", "Enable") },
                NamedRoles =
                {
                    new RoleExtensions { RoleName = "Web", Extensions = { new ExtensionReference("Diag") } },
                },
            },
        };

        Assert.Equal(
            Head + "<UpgradeDeployment xmlns=\"http://schemas.microsoft.com/windowsazure\">" +
            "<Mode>Manual</Mode>" +
            "<PackageUrl>https://acct.blob.core.windows.net/pkgs/app.cspkg?sv=2015&amp;sig=a%2Bb</PackageUrl>" +
            "<Configuration>" + ConfigBase64 + "</Configuration>" +
            "<Label>djIgbGFiZWw=</Label>" +
            "<RoleToUpgrade>Web</RoleToUpgrade>" +
            "<Force>true</Force>" +
            "<ExtendedProperties>" +
            "<ExtendedProperty><Name>Build</Name><Value>42 &lt;rc&gt;</Value></ExtendedProperty>" +
            "<ExtendedProperty><Name>Owner</Name></ExtendedProperty>" +
            "</ExtendedProperties>" +
            "<ExtensionConfiguration>" +
            "<AllRoles><Extension><Id>RDP</Id><State>Enable</State></Extension></AllRoles>" +
            "<NamedRoles><Role><RoleName>Web</RoleName><Extensions><Extension><Id>Diag</Id></Extension></Extensions></Role></NamedRoles>" +
            "</ExtensionConfiguration>" +
            "</UpgradeDeployment>",
            request.ToXml());
    }

    [Fact]
    public void UpgradeOmitsOptionalElementsAndWritesForceFalse()
    {
        var request = new UpgradeDeploymentRequest { PackageUrl = "http://x/p.cspkg", Configuration = Config, Label = "Grüße" };

        Assert.Equal(
            Head + "<UpgradeDeployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Mode>Auto</Mode>" +
            "<PackageUrl>http://x/p.cspkg</PackageUrl><Configuration>" + ConfigBase64 + "</Configuration>" +
            "<Label>R3LDvMOfZQ==</Label><Force>false</Force></UpgradeDeployment>",
            request.ToXml());
    }

    [Fact]
    public void WalkUpgradeDomain()
    {
        Assert.Equal(
            Head + "<WalkUpgradeDomain xmlns=\"http://schemas.microsoft.com/windowsazure\"><UpgradeDomain>3</UpgradeDomain></WalkUpgradeDomain>",
            new WalkUpgradeDomainRequest { UpgradeDomain = 3 }.ToXml());
    }

    [Fact]
    public void ChangeConfigurationWithEverything()
    {
        var request = new ChangeConfigurationRequest
        {
            Configuration = Config,
            TreatWarningsAsError = true,
            Mode = UpgradeMode.Manual,
            ExtendedProperties = { new ExtendedProperty("Build", "43") },
            ExtensionConfiguration = new ExtensionConfiguration { AllRoles = { new ExtensionReference("Diag", "Disable") } },
        };

        Assert.Equal(
            Head + "<ChangeConfiguration xmlns=\"http://schemas.microsoft.com/windowsazure\">" +
            "<Configuration>" + ConfigBase64 + "</Configuration>" +
            "<TreatWarningsAsError>true</TreatWarningsAsError><Mode>Manual</Mode>" +
            "<ExtendedProperties><ExtendedProperty><Name>Build</Name><Value>43</Value></ExtendedProperty></ExtendedProperties>" +
            "<ExtensionConfiguration><AllRoles><Extension><Id>Diag</Id><State>Disable</State></Extension></AllRoles></ExtensionConfiguration>" +
            "</ChangeConfiguration>",
            request.ToXml());
    }

    [Fact]
    public void ChangeConfigurationOmitsUnsetOptionalElements()
    {
        Assert.Equal(
            Head + "<ChangeConfiguration xmlns=\"http://schemas.microsoft.com/windowsazure\"><Configuration>" + ConfigBase64 + "</Configuration></ChangeConfiguration>",
            new ChangeConfigurationRequest { Configuration = Config }.ToXml());
    }

    [Fact]
    public void SwapWithAndWithoutProduction()
    {
        Assert.Equal(
            Head + "<Swap xmlns=\"http://schemas.microsoft.com/windowsazure\"><Production>blue</Production><SourceDeployment>green</SourceDeployment></Swap>",
            new SwapDeploymentRequest { Production = "blue", SourceDeployment = "green" }.ToXml());
        Assert.Equal(
            Head + "<Swap xmlns=\"http://schemas.microsoft.com/windowsazure\"><SourceDeployment>green</SourceDeployment></Swap>",
            new SwapDeploymentRequest { SourceDeployment = "green" }.ToXml());
    }

    [Fact]
    public void RollbackUsesTheStraightQuotedNamespace()
    {
        Assert.Equal(
            Head + "<RollbackUpdateOrUpgrade xmlns=\"http://schemas.microsoft.com/windowsazure\"><Mode>Manual</Mode><Force>true</Force></RollbackUpdateOrUpgrade>",
            new RollbackUpdateOrUpgradeRequest { Mode = UpgradeMode.Manual, Force = true }.ToXml());
    }

    [Fact]
    public void CreateHostedService()
    {
        var request = new CreateHostedServiceRequest
        {
            ServiceName = "contoso-web",
            Label = "v2 label",
            Description = "Shop & more",
            Location = "West Europe",
            ExtendedProperties = { new ExtendedProperty("Team", "web") },
        };

        Assert.Equal(
            Head + "<CreateHostedService xmlns=\"http://schemas.microsoft.com/windowsazure\"><ServiceName>contoso-web</ServiceName>" +
            "<Label>djIgbGFiZWw=</Label><Description>Shop &amp; more</Description><Location>West Europe</Location>" +
            "<ExtendedProperties><ExtendedProperty><Name>Team</Name><Value>web</Value></ExtendedProperty></ExtendedProperties>" +
            "</CreateHostedService>",
            request.ToXml());
    }

    [Fact]
    public void CreateDeployment()
    {
        var request = new CreateDeploymentRequest
        {
            Name = "blue",
            PackageUrl = "http://x/p.cspkg?a=1&b=2",
            Label = "v2 label",
            Configuration = Config,
            StartDeployment = true,
            TreatWarningsAsError = false,
        };

        Assert.Equal(
            Head + "<CreateDeployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>blue</Name>" +
            "<PackageUrl>http://x/p.cspkg?a=1&amp;b=2</PackageUrl><Label>djIgbGFiZWw=</Label>" +
            "<Configuration>" + ConfigBase64 + "</Configuration>" +
            "<StartDeployment>true</StartDeployment><TreatWarningsAsError>false</TreatWarningsAsError></CreateDeployment>",
            request.ToXml());
    }

    [Fact]
    public void LineBreaksInValuesSurviveTheRoundTrip()
    {
        string xml = new UpgradeDeploymentRequest
        {
            PackageUrl = "http://x/p",
            Configuration = Config,
            Label = "l",
            ExtendedProperties = new List<ExtendedProperty> { new ExtendedProperty("Notes", "a\r\nb") },
        }.ToXml();

        var value = System.Xml.Linq.XDocument.Parse(xml).Descendants(System.Xml.Linq.XName.Get("Value", "http://schemas.microsoft.com/windowsazure"));
        Assert.Equal("a\r\nb", Assert.Single(value).Value);
    }
}
