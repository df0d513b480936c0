using System;

namespace ClassicDeploy.Emulator.State;

public sealed class EngineOptions
{
    public int UpgradeDomainCount { get; set; } = 5;

    public TimeSpan UpgradeDomainDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Operations per page of List Subscription Operations; more come with a ContinuationToken.</summary>
    public int OperationPageSize { get; set; } = 100;
}
