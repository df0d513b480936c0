using System;
using System.Collections.Generic;

namespace ClassicDeploy.Emulator.State;

public sealed class EngineOptions
{
    public int UpgradeDomainCount { get; set; } = 5;

    public TimeSpan UpgradeDomainDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The Locked window of accepting an update or a walk; null: a quarter of an upgrade domain.</summary>
    public TimeSpan? AcceptDuration { get; set; }

    /// <summary>From an instance's update to ReadyRole; null: half an upgrade domain.</summary>
    public TimeSpan? InstanceStartDuration { get; set; }

    /// <summary>The role-instance start timeout after which an Auto update walks on regardless; null: ten upgrade domains.</summary>
    public TimeSpan? StartTimeout { get; set; }

    /// <summary>Package behaviors by package URL wildcard; the first match wins, no match is Healthy.</summary>
    public IList<PackageBehaviorRule> PackageBehaviors { get; } = new List<PackageBehaviorRule>();

    /// <summary>Operations per page of List Subscription Operations; more come with a ContinuationToken.</summary>
    public int OperationPageSize { get; set; } = 100;
}
