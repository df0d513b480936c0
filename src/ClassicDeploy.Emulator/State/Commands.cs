using System.Collections.Generic;

namespace ClassicDeploy.Emulator.State;

public enum DeploymentSlotName
{
    Production,
    Staging,
}

public enum UpgradeMode
{
    Auto,
    Manual,
    Simultaneous,
}

/// <summary>Addresses a deployment by slot or by name; exactly one is set.</summary>
public sealed record DeploymentRef(DeploymentSlotName? Slot, string? Name);

public sealed record ExtendedPropertyValue(string Name, string? Value);

public sealed record CreateHostedServiceCommand(
    string ServiceName, string Label, string? Description, string? Location, string? AffinityGroup,
    IReadOnlyList<ExtendedPropertyValue> ExtendedProperties);

// Label and Configuration in commands are decoded text.
public sealed record CreateDeploymentCommand(
    string Name, string PackageUrl, string Label, string Configuration, bool StartDeployment, bool TreatWarningsAsError,
    IReadOnlyList<ExtendedPropertyValue> ExtendedProperties);

public sealed record UpgradeDeploymentCommand(
    UpgradeMode Mode, string PackageUrl, string Configuration, string Label, string? RoleToUpgrade, bool Force,
    IReadOnlyList<ExtendedPropertyValue> ExtendedProperties);

public sealed record ChangeConfigurationCommand(
    string Configuration, bool TreatWarningsAsError, UpgradeMode Mode, IReadOnlyList<ExtendedPropertyValue> ExtendedProperties);

/// <summary>Mode is Auto or Manual.</summary>
public sealed record RollbackCommand(UpgradeMode Mode, bool Force);

public sealed record SwapCommand(string? Production, string SourceDeployment);
