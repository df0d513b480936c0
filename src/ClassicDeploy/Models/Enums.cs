namespace ClassicDeploy.Models;

/// <summary>The two deployment slots of a cloud service.</summary>
public enum DeploymentSlot
{
    Production,
    Staging,
}

/// <summary>How an update walks the upgrade domains.</summary>
public enum UpgradeMode
{
    Auto,
    Manual,
    Simultaneous,
}

/// <summary>The state of an asynchronous operation (Get Operation Status).</summary>
public enum OperationState
{
    InProgress,
    Succeeded,
    Failed,
}
