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
    /// <summary>Upgrade domains, fixed when the deployment is created; 0 in documents written before it was kept.</summary>
    public int DomainCount { get; set; }
    public UpdateState? Update { get; set; }
    /// <summary>Create, Delete or Swap: holds the deployment (Locked) until it ends.</summary>
    public ActiveOperation? Operation { get; set; }
    /// <summary>The exclusive window of accepting an update or a walk.</summary>
    public LockState? Lock { get; set; }
    /// <summary>When the instances of each role and domain last (re)started, and on which package.</summary>
    public List<InstanceStart> Starts { get; set; } = new();
}

internal sealed class LockState
{
    public string RequestId { get; set; } = "";
    public DateTimeOffset Until { get; set; }
}

internal sealed class InstanceStart
{
    public string Role { get; set; } = "";
    public int Domain { get; set; }
    public DateTimeOffset At { get; set; }
    public string PackageUrl { get; set; } = "";
}

internal enum UpdateStep
{
    /// <summary>Accepting (a Manual update, a rollback with nothing to walk, an unusable package); ends at StepEndsAt.</summary>
    Accepting,
    /// <summary>Domains[Position] (every domain when Simultaneous) is being updated; the change is applied at StepEndsAt.</summary>
    Walking,
    /// <summary>Auto: the updated instances are starting; the next domain is walked at StepEndsAt.</summary>
    Settling,
    /// <summary>Manual: waits for Walk Upgrade Domain of Domains[Position].</summary>
    Waiting,
}

/// <summary>An update (upgrade, configuration change or rollback) in progress.</summary>
internal sealed class UpdateState
{
    /// <summary>Request id of the operation that began the update.</summary>
    public string RequestId { get; set; } = "";
    public UpgradeMode Mode { get; set; }
    public bool IsRollback { get; set; }
    /// <summary>The domains to walk, in order.</summary>
    public List<int> Domains { get; set; } = new();
    /// <summary>Index into Domains of the next domain to walk; Domains.Count when all are done.</summary>
    public int Position { get; set; }
    /// <summary>What the walked instances run: the new package, or for a rollback the deployment's current one.</summary>
    public PackageState? Target { get; set; }
    /// <summary>Only this role's instances are updated.</summary>
    public string? RoleToUpgrade { get; set; }
    /// <summary>Domain count shown while the update runs.</summary>
    public int DomainCount { get; set; }
    public UpdateStep Step { get; set; }
    public DateTimeOffset StepStartedAt { get; set; }
    public DateTimeOffset StepEndsAt { get; set; }
    /// <summary>The operation the current step finishes: the update's own, or a Manual walk's.</summary>
    public string StepRequestId { get; set; } = "";
    /// <summary>The Accepting step ends in Failed: the package cannot be used.</summary>
    public bool Fails { get; set; }
    /// <summary>Domains whose instances no longer run the deployment's current package (also those a superseded update changed).</summary>
    public List<int> Touched { get; set; } = new();
}

internal enum OperationKind
{
    Create,
    Delete,
    /// <summary>Written by earlier versions; loaded documents with it are treated as finished.</summary>
    WalkDomains,
    Simultaneous,
    BeginUpdate,
    Swap,
}

/// <summary>Create, Delete or Swap in progress: it holds (locks) the deployment until it ends.</summary>
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
    /// <summary>Order of acceptance, so operations started at the same time list in the order they came.</summary>
    public long Sequence { get; set; }
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
