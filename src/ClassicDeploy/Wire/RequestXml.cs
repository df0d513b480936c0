using ClassicDeploy.Models;

namespace ClassicDeploy.Wire;

/// <summary>
/// The request bodies, in the element order the API gives for each operation. Each validates
/// its request first (so a body is only ever written for a request the service would take) and
/// throws RequestValidationException naming the first property it would reject.
/// </summary>
public static class RequestXml
{
    /// <summary>Upgrade Deployment.</summary>
    public static string ToXml(this UpgradeDeploymentRequest request)
    {
        request.Validate();
        using (var body = new XmlBody("UpgradeDeployment"))
        {
            return body
                .Element("Mode", request.Mode.ToString(), nameof(request.Mode))
                .Element("PackageUrl", request.PackageUrl, nameof(request.PackageUrl))
                .Element("Configuration", XmlBody.Base64(request.Configuration), nameof(request.Configuration))
                .Element("Label", XmlBody.Base64(request.Label), nameof(request.Label))
                .Element("RoleToUpgrade", request.RoleToUpgrade, nameof(request.RoleToUpgrade))
                .Element("Force", request.Force)
                .ExtendedProperties(request.ExtendedProperties)
                .ExtensionConfiguration(request.ExtensionConfiguration)
                .Finish();
        }
    }

    /// <summary>Change Deployment Configuration.</summary>
    public static string ToXml(this ChangeConfigurationRequest request)
    {
        request.Validate();
        using (var body = new XmlBody("ChangeConfiguration"))
        {
            return body
                .Element("Configuration", XmlBody.Base64(request.Configuration), nameof(request.Configuration))
                .Element("TreatWarningsAsError", request.TreatWarningsAsError)
                .Element("Mode", request.Mode?.ToString(), nameof(request.Mode))
                .ExtendedProperties(request.ExtendedProperties)
                .ExtensionConfiguration(request.ExtensionConfiguration)
                .Finish();
        }
    }

    /// <summary>Create Deployment.</summary>
    public static string ToXml(this CreateDeploymentRequest request)
    {
        request.Validate();
        using (var body = new XmlBody("CreateDeployment"))
        {
            return body
                .Element("Name", request.Name, nameof(request.Name))
                .Element("PackageUrl", request.PackageUrl, nameof(request.PackageUrl))
                .Element("Label", XmlBody.Base64(request.Label), nameof(request.Label))
                .Element("Configuration", XmlBody.Base64(request.Configuration), nameof(request.Configuration))
                .Element("StartDeployment", request.StartDeployment)
                .Element("TreatWarningsAsError", request.TreatWarningsAsError)
                .ExtendedProperties(request.ExtendedProperties)
                .ExtensionConfiguration(request.ExtensionConfiguration)
                .Finish();
        }
    }

    /// <summary>Create Hosted Service.</summary>
    public static string ToXml(this CreateHostedServiceRequest request)
    {
        request.Validate();
        using (var body = new XmlBody("CreateHostedService"))
        {
            return body
                .Element("ServiceName", request.ServiceName, nameof(request.ServiceName))
                .Element("Label", XmlBody.Base64(request.Label), nameof(request.Label))
                .Element("Description", request.Description, nameof(request.Description))
                .Element("Location", request.Location, nameof(request.Location))
                .Element("AffinityGroup", request.AffinityGroup, nameof(request.AffinityGroup))
                .ExtendedProperties(request.ExtendedProperties)
                .Finish();
        }
    }

    /// <summary>Walk Upgrade Domain.</summary>
    public static string ToXml(this WalkUpgradeDomainRequest request)
    {
        request.Validate();
        using (var body = new XmlBody("WalkUpgradeDomain"))
        {
            return body.Element("UpgradeDomain", request.UpgradeDomain).Finish();
        }
    }

    /// <summary>Rollback Update Or Upgrade.</summary>
    public static string ToXml(this RollbackUpdateOrUpgradeRequest request)
    {
        request.Validate();
        using (var body = new XmlBody("RollbackUpdateOrUpgrade"))
        {
            return body
                .Element("Mode", request.Mode.ToString(), nameof(request.Mode))
                .Element("Force", request.Force)
                .Finish();
        }
    }

    /// <summary>Swap Deployment.</summary>
    public static string ToXml(this SwapDeploymentRequest request)
    {
        request.Validate();
        using (var body = new XmlBody("Swap"))
        {
            return body
                .Element("Production", request.Production, nameof(request.Production))
                .Element("SourceDeployment", request.SourceDeployment, nameof(request.SourceDeployment))
                .Finish();
        }
    }
}
