using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using static ClassicDeploy.Models.ResponseXml;

namespace ClassicDeploy.Models
{
    /// <summary>Turns the service's response documents into models; bad documents become InvalidResponseException.</summary>
    internal static class ResponseParser
    {
        public static Deployment Deployment(string? body, string serviceName) =>
            ReadDeployment(Root(body, "Deployment"), serviceName);

        public static CloudService HostedService(string? body) => ReadHostedService(Root(body, "HostedService"));

        public static IReadOnlyList<CloudService> HostedServices(string? body) =>
            Root(body, "HostedServices").Elements(Ns + "HostedService").Select(ReadHostedService).ToArray();

        public static OperationStatus Operation(string? body) => ReadOperation(Root(body, "Operation"));

        public static SubscriptionOperationList SubscriptionOperations(string? body)
        {
            XElement root = Root(body, "SubscriptionOperationCollection");
            return new SubscriptionOperationList
            {
                Operations = List(root, "SubscriptionOperations", "SubscriptionOperation").Select(ReadSubscriptionOperation).ToArray(),
                ContinuationToken = Optional(root, "ContinuationToken"),
            };
        }

        private static SubscriptionOperation ReadSubscriptionOperation(XElement e)
        {
            var parameters = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (XElement parameter in List(e, "OperationParameters", "OperationParameter"))
            {
                // Name and Value are in the service's data contract namespace; match them by local name.
                string? name = parameter.Elements().FirstOrDefault(x => x.Name.LocalName == "Name")?.Value;
                if (!string.IsNullOrEmpty(name))
                {
                    parameters[name!] = parameter.Elements().FirstOrDefault(x => x.Name.LocalName == "Value")?.Value ?? string.Empty;
                }
            }

            XElement? status = Child(e, "OperationStatus");
            return new SubscriptionOperation
            {
                OperationId = Required(e, "OperationId"),
                ObjectId = Optional(e, "OperationObjectId") ?? string.Empty,
                OperationName = Optional(e, "OperationName") ?? string.Empty,
                Parameters = parameters,
                Status = status == null ? throw Invalid("A SubscriptionOperation has no OperationStatus.") : ReadOperation(status),
                StartedTime = OptionalTime(e, "OperationStartedTime"),
                CompletedTime = OptionalTime(e, "OperationCompletedTime"),
            };
        }

        private static OperationStatus ReadOperation(XElement root)
        {
            XElement? error = Child(root, "Error");
            return new OperationStatus
            {
                Id = Required(root, "ID"),
                Status = Enum<OperationState>(root, "Status"),
                HttpStatusCode = OptionalInt(root, "HttpStatusCode"),
                ErrorCode = error == null ? null : Optional(error, "Code"),
                ErrorMessage = error == null ? null : Optional(error, "Message"),
            };
        }

        /// <summary>The Code and Message of an Error document, or null when the body is not one.</summary>
        public static (string? Code, string? Message)? Error(string? body)
        {
            try
            {
                XElement root = Root(body, "Error");
                return (Optional(root, "Code"), Optional(root, "Message"));
            }
            catch (Client.InvalidResponseException)
            {
                return null;
            }
        }

        private static CloudService ReadHostedService(XElement e)
        {
            string serviceName = Required(e, "ServiceName");
            XElement properties = Child(e, "HostedServiceProperties") ?? new XElement(Ns + "HostedServiceProperties");
            XElement? deployments = Child(e, "Deployments");
            return new CloudService
            {
                ServiceName = serviceName,
                Url = OptionalUri(e, "Url"),
                Description = Optional(properties, "Description"),
                AffinityGroup = Optional(properties, "AffinityGroup"),
                Location = Optional(properties, "Location"),
                Label = Base64(properties, "Label"),
                Status = Optional(properties, "Status"),
                DateCreated = OptionalTime(properties, "DateCreated"),
                DateLastModified = OptionalTime(properties, "DateLastModified"),
                ExtendedProperties = ExtendedProperties(properties),
                Deployments = deployments == null
                    ? new Deployment[0]
                    : deployments.Elements(Ns + "Deployment").Select(d => ReadDeployment(d, serviceName)).ToArray(),
            };
        }

        private static Deployment ReadDeployment(XElement e, string serviceName)
        {
            string name = Required(e, "Name");
            XElement? upgrade = Child(e, "UpgradeStatus");
            return new Deployment
            {
                ServiceName = serviceName,
                DeploymentName = name,
                Slot = Enum<DeploymentSlot>(e, "DeploymentSlot"),
                PrivateId = Optional(e, "PrivateID") ?? string.Empty,
                Status = Required(e, "Status"),
                Label = Base64(e, "Label") ?? string.Empty,
                Url = OptionalUri(e, "Url"),
                Configuration = Base64(e, "Configuration") ?? string.Empty,
                RoleInstances = List(e, "RoleInstanceList", "RoleInstance").Select(i => ReadInstance(i, serviceName, name)).ToArray(),
                UpgradeStatus = upgrade == null ? null : new UpgradeStatus
                {
                    UpgradeType = Enum<UpgradeMode>(upgrade, "UpgradeType"),
                    CurrentUpgradeDomainState = Required(upgrade, "CurrentUpgradeDomainState"),
                    CurrentUpgradeDomain = OptionalInt(upgrade, "CurrentUpgradeDomain") ?? 0,
                },
                UpgradeDomainCount = OptionalInt(e, "UpgradeDomainCount") ?? 0,
                Roles = List(e, "RoleList", "Role").Select(r => new Role { RoleName = Required(r, "RoleName"), OsVersion = Optional(r, "OsVersion") }).ToArray(),
                SdkVersion = Optional(e, "SdkVersion"),
                Locked = OptionalBool(e, "Locked"),
                RollbackAllowed = OptionalBool(e, "RollbackAllowed"),
                CreatedTime = OptionalTime(e, "CreatedTime"),
                LastModifiedTime = OptionalTime(e, "LastModifiedTime"),
                ExtendedProperties = ExtendedProperties(e),
            };
        }

        private static RoleInstance ReadInstance(XElement i, string serviceName, string deploymentName) => new RoleInstance
        {
            ServiceName = serviceName,
            DeploymentName = deploymentName,
            RoleName = Required(i, "RoleName"),
            InstanceName = Required(i, "InstanceName"),
            InstanceStatus = Required(i, "InstanceStatus"),
            InstanceUpgradeDomain = OptionalInt(i, "InstanceUpgradeDomain") ?? 0,
            InstanceFaultDomain = OptionalInt(i, "InstanceFaultDomain") ?? 0,
            InstanceSize = Optional(i, "InstanceSize"),
            InstanceStateDetails = Optional(i, "InstanceStateDetails"),
            InstanceErrorCode = Optional(i, "InstanceErrorCode"),
            IpAddress = Optional(i, "IpAddress"),
            PowerState = Optional(i, "PowerState"),
            HostName = Optional(i, "HostName"),
        };

        private static IEnumerable<XElement> List(XElement parent, string listName, string itemName) =>
            Child(parent, listName)?.Elements(Ns + itemName) ?? Enumerable.Empty<XElement>();
    }
}
