using System;
using System.Linq;
using ClassicDeploy.Models;
using ClassicDeploy.Tests.Wire;
using ClassicDeploy.Wire;
using Xunit;

namespace ClassicDeploy.Tests.Models;

public sealed class ValidationTests
{
    private static UpgradeDeploymentRequest Upgrade() => new UpgradeDeploymentRequest
    {
        PackageUrl = "https://acct.blob.core.windows.net/p/app.cspkg",
        Configuration = RequestXmlTests.Config,
        Label = "v2",
    };

    private static RequestValidationException Rejects(Action act, string paramName, string fragment)
    {
        var ex = Assert.Throws<RequestValidationException>(act);
        Assert.Equal(paramName, ex.ParamName);
        Assert.Contains(fragment, ex.Message);
        return ex;
    }

    [Fact]
    public void LabelIsRequiredAndAtMost100Characters()
    {
        var r = Upgrade();
        r.Label = new string('a', 100);
        r.Validate();
        r.Label = new string('a', 101);
        var ex = Rejects(r.Validate, "Label", "at most 100 characters; it has 101");
        Assert.Equal("Label must be at most 100 characters; it has 101.", ex.Message);
        r.Label = "";
        Rejects(r.Validate, "Label", "Label is required");
        Rejects(() => new CreateHostedServiceRequest { ServiceName = "svc" }.ToXml(), "Label", "required");
    }

    [Fact]
    public void PackageUrlMustBeAbsoluteHttpOrHttps()
    {
        var r = Upgrade();
        r.PackageUrl = "";
        Rejects(r.Validate, "PackageUrl", "required");
        r.PackageUrl = "pkgs/app.cspkg";
        Rejects(r.Validate, "PackageUrl", "absolute http or https");
        r.PackageUrl = "ftp://host/app.cspkg";
        Rejects(r.Validate, "PackageUrl", "absolute http or https");
    }

    [Fact]
    public void ConfigurationMustBeWellFormedXmlWithoutDtd()
    {
        var r = Upgrade();
        r.Configuration = " ";
        Rejects(r.Validate, "Configuration", "required");
        r.Configuration = "<ServiceConfiguration><Role>";
        Rejects(r.Validate, "Configuration", "well-formed XML");
        r.Configuration = "<!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>";
        Rejects(r.Validate, "Configuration", "well-formed XML");
        Rejects(() => new ChangeConfigurationRequest { Configuration = "not xml" }.Validate(), "Configuration", "well-formed XML");
    }

    [Fact]
    public void ModeIsCheckedPerOperation()
    {
        var upgrade = Upgrade();
        upgrade.Mode = UpgradeMode.Simultaneous;
        upgrade.Validate();
        upgrade.Mode = (UpgradeMode)7;
        Rejects(upgrade.Validate, "Mode", "Auto, Manual or Simultaneous");

        var change = new ChangeConfigurationRequest { Configuration = RequestXmlTests.Config, Mode = UpgradeMode.Simultaneous };
        Rejects(change.Validate, "Mode", "Mode must be Auto or Manual for Change Deployment Configuration; it is Simultaneous.");
        Rejects(() => new RollbackUpdateOrUpgradeRequest { Mode = UpgradeMode.Simultaneous }.ToXml(), "Mode", "Auto or Manual for Rollback");
    }

    [Fact]
    public void ExtendedPropertyRules()
    {
        var r = Upgrade();
        r.ExtendedProperties.AddRange(Enumerable.Range(0, 26).Select(i => new ExtendedProperty("P" + i, "v")));
        Rejects(r.Validate, "ExtendedProperties", "at most 25 entries; it has 26");

        r = Upgrade();
        r.ExtendedProperties.Add(new ExtendedProperty("9lives", "v"));
        Rejects(r.Validate, "ExtendedProperties", "'9lives' is not valid");

        r = Upgrade();
        r.ExtendedProperties.Add(new ExtendedProperty("A" + new string('b', 64), "v"));
        Rejects(r.Validate, "ExtendedProperties", "at most 64 characters");

        r = Upgrade();
        r.ExtendedProperties.Add(new ExtendedProperty("Has-Dash", "v"));
        Rejects(r.Validate, "ExtendedProperties", "letters, digits and underscores");

        r = Upgrade();
        r.ExtendedProperties.Add(new ExtendedProperty("Build", "1"));
        r.ExtendedProperties.Add(new ExtendedProperty("build", "2"));
        Rejects(r.Validate, "ExtendedProperties", "'build' is used more than once");

        r = Upgrade();
        r.ExtendedProperties.Add(new ExtendedProperty("Build", new string('v', 256)));
        Rejects(r.Validate, "ExtendedProperties", "at most 255 characters; it has 256");
    }

    [Fact]
    public void UpgradeDomainMustNotBeNegative()
    {
        new WalkUpgradeDomainRequest { UpgradeDomain = 0 }.Validate();
        Rejects(() => new WalkUpgradeDomainRequest { UpgradeDomain = -1 }.ToXml(), "UpgradeDomain", "0 or more; it is -1");
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("a/b", "must not contain '/'")]
    [InlineData("under_score", "only letters, digits and hyphens")]
    [InlineData("with space", "only letters, digits and hyphens")]
    public void ServiceAndDeploymentNames(string name, string fragment)
    {
        Rejects(() => new CreateHostedServiceRequest { ServiceName = name, Label = "l" }.Validate(), "ServiceName", fragment);
        Rejects(
            () => new CreateDeploymentRequest { Name = name, Label = "l", PackageUrl = "http://x/p", Configuration = RequestXmlTests.Config }.Validate(),
            "Name",
            fragment);
    }

    [Fact]
    public void NamesAreAtMost63Characters()
    {
        new CreateHostedServiceRequest { ServiceName = new string('a', 63), Label = "l" }.Validate();
        Rejects(() => new CreateHostedServiceRequest { ServiceName = new string('a', 64), Label = "l" }.Validate(), "ServiceName", "at most 63 characters; it has 64");
    }

    [Fact]
    public void LocationAndAffinityGroupAreExclusive()
    {
        Rejects(
            () => new CreateHostedServiceRequest { ServiceName = "s", Label = "l", Location = "West Europe", AffinityGroup = "ag" }.Validate(),
            "AffinityGroup",
            "cannot both be given");
    }

    [Fact]
    public void SwapNeedsSourceDeployment()
    {
        Rejects(() => new SwapDeploymentRequest { Production = "blue" }.ToXml(), "SourceDeployment", "SourceDeployment is required");
        Rejects(() => new SwapDeploymentRequest { Production = "a/b", SourceDeployment = "green" }.Validate(), "Production", "'/'");
    }

    [Fact]
    public void ExtensionStateAndShape()
    {
        var r = Upgrade();
        r.ExtensionConfiguration = new ExtensionConfiguration { AllRoles = { new ExtensionReference("RDP", "On") } };
        Rejects(r.Validate, "ExtensionConfiguration", "must be Enable, Disable or Uninstall");

        r.ExtensionConfiguration = new ExtensionConfiguration { AllRoles = { new ExtensionReference("") } };
        Rejects(r.Validate, "ExtensionConfiguration", "without an Id");

        r.ExtensionConfiguration = new ExtensionConfiguration { NamedRoles = { new RoleExtensions { RoleName = "Web" } } };
        Rejects(r.Validate, "ExtensionConfiguration", "role 'Web' has no extensions");
    }

    [Fact]
    public void ControlCharactersAreRejectedNamingTheProperty()
    {
        var r = Upgrade();
        r.RoleToUpgrade = "Web\u0001";
        Rejects(r.Validate, "RoleToUpgrade", "U+0001");

        r = Upgrade();
        r.ExtendedProperties.Add(new ExtendedProperty("Build", "bad\u0007bell"));
        Rejects(() => r.ToXml(), "ExtendedProperties", "U+0007");

        Rejects(() => new CreateHostedServiceRequest { ServiceName = "s", Label = "l", Description = "\uD800" }.ToXml(), "Description", "XML cannot carry");

        // Label travels as base64, so it may carry anything.
        r = Upgrade();
        r.Label = "tab\tand\u0001";
        Assert.Contains("<Label>", r.ToXml());
    }
}
