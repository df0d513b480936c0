using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ClassicDeploy.Emulator.State;

// The engine's mutable, JSON-serialisable state. Only ManagementEngine touches it, under its lock.

internal sealed class ServiceState
{
    public string SubscriptionId { get; set; } = "";
    public string ServiceName { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Description { get; set; }
    public string? Location { get; set; }
    public string? AffinityGroup { get; set; }
    public DateTimeOffset DateCreated { get; set; }
    public DateTimeOffset DateLastModified { get; set; }
    public List<ExtendedPropertyValue> ExtendedProperties { get; set; } = new();
    public List<DeploymentState> Deployments { get; set; } = new();
}

/// <summary>What an update installs or a deployment runs: package, configuration, label and their roles.</summary>
internal sealed class PackageState
{
    public string PackageUrl { get; set; } = "";
    public string Configuration { get; set; } = "";
    public string Label { get; set; } = "";
    public List<ExtendedPropertyValue> ExtendedProperties { get; set; } = new();
    public List<RoleSpec> Roles { get; set; } = new();
}

internal sealed class RoleSpec
{
    public string Name { get; set; } = "";
    public int InstanceCount { get; set; }
    public string OsVersion { get; set; } = "*";
}

internal sealed class DeploymentState
{
    public string Name { get; set; } = "";
    public DeploymentSlotName Slot { get; set; }
    public string PrivateId { get; set; } = "";
    public bool Started { get; set; }
    public PackageState Current { get; set; } = new();
    public DateTimeOffset CreatedTime { get; set; }
    public DateTimeOffset LastModifiedTime { get; set; }
    public UpdateState? Update { get; set; }
    public ActiveOperation? Operation { get; set; }
}

/// <summary>An update (upgrade, configuration change or rollback) in progress.</summary>
internal sealed class UpdateState
{
    /// <summary>Request id of the operation that began the update; named in 409 messages.</summary>
    public string RequestId { get; set; } = "";
    public UpgradeMode Mode { get; set; }
    public bool IsRollback { get; set; }
    /// <summary>The domains to walk, in order.</summary>
    public List<int> Domains { get; set; } = new();
    /// <summary>Index into Domains of the next domain to walk; Domains.Count when all are done.</summary>
    public int Position { get; set; }
    /// <summary>What the update installs at its end; null for a rollback (the current package stays).</summary>
    public PackageState? Target { get; set; }
    /// <summary>Only this role's instances cycle while domains are walked.</summary>
    public string? RoleToUpgrade { get; set; }
    /// <summary>Domain count shown while the update runs (max of current and target).</summary>
    public int DomainCount { get; set; }
}

internal enum OperationKind
{
    Create,
    Delete,
    /// <summary>Walks Update.Domains from Update.Position, one step per domain.</summary>
    WalkDomains,
    /// <summary>Every domain at once, one step.</summary>
    Simultaneous,
    /// <summary>A short step that begins a manual update or a rollback.</summary>
    BeginUpdate,
    Swap,
}

/// <summary>The asynchronous operation that currently holds (locks) a deployment.</summary>
internal sealed class ActiveOperation
{
    public string RequestId { get; set; } = "";
    public OperationKind Kind { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public TimeSpan StepDuration { get; set; }
    public int Steps { get; set; } = 1;

    [JsonIgnore]
    public DateTimeOffset EndsAt => StartedAt + TimeSpan.FromTicks(StepDuration.Ticks * Steps);
}

internal sealed class OperationRecord
{
    public string SubscriptionId { get; set; } = "";
    public string Id { get; set; } = "";
    /// <summary>The API operation's name without spaces, e.g. UpgradeDeployment (List Subscription Operations' OperationName).</summary>
    public string? Name { get; set; }
    public string? ServiceName { get; set; }
    public string? DeploymentName { get; set; }
    /// <summary>Production or Staging at the time of the request; null for operations on the hosted service.</summary>
    public string? Slot { get; set; }
    public string Status { get; set; } = "InProgress";
    public int? HttpStatusCode { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
