using System;

namespace ClassicDeploy.Models;

/// <summary>Which API operation a <see cref="DeploymentOperation"/> is: what code decides on, instead of the display name.</summary>
public enum OperationKind
{
    /// <summary>Not known: a bare request id, or an operation name this module does not make.</summary>
    Unknown,
    CreateHostedService,
    CreateDeployment,
    DeleteDeployment,
    UpgradeDeployment,
    WalkUpgradeDomain,
    ChangeDeploymentConfiguration,
    SwapDeployment,
    RollbackUpdateOrUpgrade,
}

/// <summary>The API's own names of the operation kinds ("Upgrade Deployment"), both ways.</summary>
public static class OperationKinds
{
    private static readonly string[] Names =
    {
        string.Empty,
        "Create Hosted Service",
        "Create Deployment",
        "Delete Deployment",
        "Upgrade Deployment",
        "Walk Upgrade Domain",
        "Change Deployment Configuration",
        "Swap Deployment",
        "Rollback Update Or Upgrade",
    };

    /// <summary>The operation's name in the API's words, e.g. "Upgrade Deployment"; empty for Unknown.</summary>
    public static string ApiName(OperationKind kind)
    {
        int index = (int)kind;
        return index >= 0 && index < Names.Length ? Names[index] : string.Empty;
    }

    /// <summary>The kind named <paramref name="apiName"/> (case-insensitive), or Unknown.</summary>
    public static OperationKind FromApiName(string? apiName)
    {
        for (int i = 1; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], apiName, StringComparison.OrdinalIgnoreCase))
            {
                return (OperationKind)i;
            }
        }

        return OperationKind.Unknown;
    }

    /// <summary>
    /// The kind of an OperationName of List Subscription Operations ("UpgradeDeployment",
    /// "RollbackDeploymentUpdateOrUpgrade", also with a "BySlot" or "ByName" ending), or Unknown.
    /// </summary>
    public static OperationKind FromListName(string? operationName)
    {
        if (string.IsNullOrEmpty(operationName))
        {
            return OperationKind.Unknown;
        }

        string name = operationName!.Replace(" ", string.Empty);
        foreach (string suffix in new[] { "BySlot", "ByName" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name.Substring(0, name.Length - suffix.Length);
            }
        }

        if (string.Equals(name, "RollbackDeploymentUpdateOrUpgrade", StringComparison.OrdinalIgnoreCase))
        {
            return OperationKind.RollbackUpdateOrUpgrade;
        }

        for (int i = 1; i < Names.Length; i++)
        {
            if (string.Equals(Names[i].Replace(" ", string.Empty), name, StringComparison.OrdinalIgnoreCase))
            {
                return (OperationKind)i;
            }
        }

        return OperationKind.Unknown;
    }
}
