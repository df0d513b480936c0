using System;
using System.Collections.Generic;

namespace ClassicDeploy.Emulator.State;

public sealed record HostedServiceView(
    string ServiceName, string Label, string? Description, string? Location, string? AffinityGroup,
    string Status, DateTimeOffset DateCreated, DateTimeOffset DateLastModified, IReadOnlyList<ExtendedPropertyValue> ExtendedProperties,
    IReadOnlyList<DeploymentView> Deployments);

/// <summary>Status is Running, Suspended, RunningTransitioning, SuspendedTransitioning, Deploying, Starting, Deleting.</summary>
public sealed record DeploymentView(
    string Name, DeploymentSlotName Slot, string PrivateId, string Status,
    string Label, string Url, string Configuration, IReadOnlyList<RoleInstanceView> RoleInstances, UpgradeStatusView? UpgradeStatus,
    int UpgradeDomainCount, IReadOnlyList<RoleView> Roles, string SdkVersion, bool Locked, bool RollbackAllowed,
    DateTimeOffset CreatedTime, DateTimeOffset LastModifiedTime, IReadOnlyList<ExtendedPropertyValue> ExtendedProperties, string PackageUrl)
{
    /// <summary>The VIP of the deployment's slot.</summary>
    public VirtualIpView? VirtualIp { get; init; }
}

public sealed record VirtualIpView(string Address, bool IsDnsProgrammed, string Name);

public sealed record RoleInstanceView(
    string RoleName, string InstanceName, string InstanceStatus, int InstanceUpgradeDomain, int InstanceFaultDomain,
    string InstanceSize, string? InstanceStateDetails, string? InstanceErrorCode, string? IpAddress, string PowerState, string? HostName);

/// <summary>CurrentUpgradeDomainState is Before or During.</summary>
public sealed record UpgradeStatusView(UpgradeMode UpgradeType, string CurrentUpgradeDomainState, int CurrentUpgradeDomain);

public sealed record RoleView(string RoleName, string OsVersion);

/// <summary>Status is InProgress, Succeeded or Failed.</summary>
public sealed record OperationView(string Id, string Status, int? HttpStatusCode, string? ErrorCode, string? ErrorMessage);

/// <summary>One entry of List Subscription Operations. ObjectId is the path of a GET on the object.</summary>
public sealed record SubscriptionOperationView(
    string Id, string ObjectId, string Name, IReadOnlyList<KeyValuePair<string, string>> Parameters, OperationView Status,
    DateTimeOffset StartedTime, DateTimeOffset? CompletedTime);

/// <summary>A page of List Subscription Operations; ContinuationToken is set when more follow.</summary>
public sealed record SubscriptionOperationPage(IReadOnlyList<SubscriptionOperationView> Operations, string? ContinuationToken);

/// <summary>The filters of List Subscription Operations; Status is InProgress, Succeeded or Failed.</summary>
public sealed record SubscriptionOperationQuery(DateTimeOffset StartTime, DateTimeOffset EndTime, string? ObjectId, string? Status, string? ContinuationToken);
