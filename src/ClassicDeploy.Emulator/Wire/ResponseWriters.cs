using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml;
using ClassicDeploy.Emulator.State;

namespace ClassicDeploy.Emulator.Wire;

/// <summary>Response bodies in docs/PROTOCOL.md's element order; elements with no value are omitted.</summary>
internal static class ResponseWriters
{
    public static Action<XmlWriter> HostedServices(IReadOnlyList<HostedServiceView> services, Func<string, string> serviceUrl, string version = ApiVersions.Latest) => writer =>
    {
        writer.WriteStartElement("HostedServices", XmlResponse.Namespace);
        foreach (var service in services)
        {
            WriteHostedService(writer, service, serviceUrl(service.ServiceName), false, version);
        }

        writer.WriteEndElement();
    };

    public static Action<XmlWriter> HostedService(HostedServiceView service, string url, bool embedDetail, string version = ApiVersions.Latest) =>
        writer => WriteHostedService(writer, service, url, embedDetail, version);

    /// <summary>Get Deployment; elements newer than <paramref name="version"/> are left out.</summary>
    public static Action<XmlWriter> Deployment(DeploymentView deployment, string version = ApiVersions.Latest) => writer => WriteDeployment(writer, deployment, version);

    public static Action<XmlWriter> Operation(OperationView operation) => writer => WriteOperation(writer, "Operation", operation);

    /// <summary>List Subscription Operations' SubscriptionOperationCollection, in the reference's element order.</summary>
    public static Action<XmlWriter> SubscriptionOperations(SubscriptionOperationPage page) => writer =>
    {
        writer.WriteStartElement("SubscriptionOperationCollection", XmlResponse.Namespace);
        writer.WriteStartElement("SubscriptionOperations", XmlResponse.Namespace);
        foreach (var operation in page.Operations)
        {
            writer.WriteStartElement("SubscriptionOperation", XmlResponse.Namespace);
            writer.Element("OperationId", operation.Id);
            writer.Element("OperationObjectId", operation.ObjectId);
            writer.Element("OperationName", operation.Name);
            writer.WriteStartElement("OperationParameters", XmlResponse.Namespace);
            writer.WriteAttributeString("xmlns", "d2p1", null, DataContractNamespace);
            foreach (var parameter in operation.Parameters)
            {
                writer.WriteStartElement("OperationParameter", XmlResponse.Namespace);
                writer.WriteElementString("Name", DataContractNamespace, parameter.Key);
                writer.WriteElementString("Value", DataContractNamespace, parameter.Value);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteStartElement("OperationCaller", XmlResponse.Namespace);
            writer.Element("UsedServiceManagementApi", "true");
            writer.WriteEndElement();
            WriteOperation(writer, "OperationStatus", operation.Status);
            writer.Time("OperationStartedTime", operation.StartedTime);
            if (operation.CompletedTime is { } completed)
            {
                writer.Time("OperationCompletedTime", completed);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.Optional("ContinuationToken", page.ContinuationToken);
        writer.WriteEndElement();
    };

    /// <summary>The namespace of OperationParameter's Name and Value (the service's data contract).</summary>
    public const string DataContractNamespace = "http://schemas.datacontract.org/2004/07/Microsoft.WindowsAzure.ServiceManagement";

    private static void WriteOperation(XmlWriter writer, string elementName, OperationView operation)
    {
        writer.WriteStartElement(elementName, XmlResponse.Namespace);
        writer.Element("ID", operation.Id);
        writer.Element("Status", operation.Status);
        if (operation.HttpStatusCode is int status)
        {
            writer.Element("HttpStatusCode", status.ToString(CultureInfo.InvariantCulture));
        }

        if (operation.ErrorCode is not null || operation.ErrorMessage is not null)
        {
            writer.WriteStartElement("Error", XmlResponse.Namespace);
            writer.Optional("Code", operation.ErrorCode);
            writer.Optional("Message", operation.ErrorMessage);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteHostedService(XmlWriter writer, HostedServiceView service, string url, bool embedDetail, string version)
    {
        writer.WriteStartElement("HostedService", XmlResponse.Namespace);
        writer.Element("Url", url);
        writer.Element("ServiceName", service.ServiceName);
        writer.WriteStartElement("HostedServiceProperties", XmlResponse.Namespace);
        writer.Optional("Description", service.Description);
        writer.Optional("AffinityGroup", service.AffinityGroup);
        writer.Optional("Location", service.Location);
        writer.Element("Label", XmlResponse.Base64(service.Label));
        writer.Element("Status", service.Status);
        writer.Time("DateCreated", service.DateCreated);
        writer.Time("DateLastModified", service.DateLastModified);
        WriteExtendedProperties(writer, service.ExtendedProperties, version);
        writer.WriteEndElement();
        if (embedDetail)
        {
            writer.WriteStartElement("Deployments", XmlResponse.Namespace);
            foreach (var deployment in service.Deployments)
            {
                WriteDeployment(writer, deployment, version);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteDeployment(XmlWriter writer, DeploymentView d, string version)
    {
        var instanceDetails = ApiVersions.AtLeast(version, ApiVersions.InstanceDetails);
        writer.WriteStartElement("Deployment", XmlResponse.Namespace);
        writer.Element("Name", d.Name);
        writer.Element("DeploymentSlot", d.Slot.ToString());
        writer.Element("PrivateID", d.PrivateId);
        writer.Element("Status", d.Status);
        writer.Element("Label", XmlResponse.Base64(d.Label));
        writer.Element("Url", d.Url);
        writer.Element("Configuration", XmlResponse.Base64(d.Configuration));
        writer.WriteStartElement("RoleInstanceList", XmlResponse.Namespace);
        foreach (var i in d.RoleInstances)
        {
            writer.WriteStartElement("RoleInstance", XmlResponse.Namespace);
            writer.Element("RoleName", i.RoleName);
            writer.Element("InstanceName", i.InstanceName);
            writer.Element("InstanceStatus", i.InstanceStatus);
            if (instanceDetails)
            {
                writer.Element("InstanceUpgradeDomain", Int(i.InstanceUpgradeDomain));
                writer.Element("InstanceFaultDomain", Int(i.InstanceFaultDomain));
                writer.Element("InstanceSize", i.InstanceSize);
                writer.Optional("InstanceStateDetails", i.InstanceStateDetails);
                writer.Optional("InstanceErrorCode", i.InstanceErrorCode);
            }

            writer.Optional("IpAddress", i.IpAddress);
            writer.Optional("PowerState", i.PowerState);
            writer.Optional("HostName", i.HostName);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        if (d.UpgradeStatus is { } upgrade)
        {
            writer.WriteStartElement("UpgradeStatus", XmlResponse.Namespace);
            writer.Element("UpgradeType", upgrade.UpgradeType.ToString());
            writer.Element("CurrentUpgradeDomainState", upgrade.CurrentUpgradeDomainState);
            writer.Element("CurrentUpgradeDomain", Int(upgrade.CurrentUpgradeDomain));
            writer.WriteEndElement();
        }

        if (instanceDetails)
        {
            writer.Element("UpgradeDomainCount", Int(d.UpgradeDomainCount));
        }

        writer.WriteStartElement("RoleList", XmlResponse.Namespace);
        foreach (var role in d.Roles)
        {
            writer.WriteStartElement("Role", XmlResponse.Namespace);
            writer.Element("RoleName", role.RoleName);
            writer.Optional("OsVersion", role.OsVersion);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        if (instanceDetails)
        {
            writer.Optional("SdkVersion", d.SdkVersion);
        }

        if (ApiVersions.AtLeast(version, ApiVersions.LockedAndRollbackAllowed))
        {
            writer.Element("Locked", Bool(d.Locked));
            writer.Element("RollbackAllowed", Bool(d.RollbackAllowed));
        }

        writer.Time("CreatedTime", d.CreatedTime);
        writer.Time("LastModifiedTime", d.LastModifiedTime);
        WriteExtendedProperties(writer, d.ExtendedProperties, version);
        if (d.VirtualIp is { } vip && ApiVersions.AtLeast(version, ApiVersions.VirtualIPs))
        {
            writer.WriteStartElement("VirtualIPs", XmlResponse.Namespace);
            writer.WriteStartElement("VirtualIP", XmlResponse.Namespace);
            writer.Element("Address", vip.Address);
            writer.Element("IsDnsProgrammed", Bool(vip.IsDnsProgrammed));
            writer.Element("Name", vip.Name);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteExtendedProperties(XmlWriter writer, IReadOnlyList<ExtendedPropertyValue> properties, string version)
    {
        if (properties.Count == 0 || !ApiVersions.AtLeast(version, ApiVersions.ExtendedProperties))
        {
            return;
        }

        writer.WriteStartElement("ExtendedProperties", XmlResponse.Namespace);
        foreach (var property in properties)
        {
            writer.WriteStartElement("ExtendedProperty", XmlResponse.Namespace);
            writer.Element("Name", property.Name);
            writer.Optional("Value", property.Value);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
