using System;
using System.Collections.Generic;

namespace ClassicDeploy.Models;

/// <summary>One entry of List Subscription Operations: what was done to which object, and how it ended.</summary>
public sealed class SubscriptionOperation
{
    /// <summary>The operation id as the service wrote it (the request id, possibly as a GUID with dashes).</summary>
    public string OperationId { get; set; } = string.Empty;

    /// <summary>The path of a GET on the object, e.g. /&lt;subscription&gt;/services/hostedservices/svc/deployments/dep1.</summary>
    public string ObjectId { get; set; } = string.Empty;

    /// <summary>The API operation, e.g. UpgradeDeployment.</summary>
    public string OperationName { get; set; } = string.Empty;

    public IReadOnlyDictionary<string, string> Parameters { get; set; } = new Dictionary<string, string>();

    public OperationStatus Status { get; set; } = new OperationStatus();

    public DateTime? StartedTime { get; set; }

    public DateTime? CompletedTime { get; set; }

    /// <summary>The hosted service named by ObjectId, or null.</summary>
    public string? ServiceName => Segment(3, "hostedservices");

    /// <summary>The deployment named by ObjectId, or null when the operation was on the hosted service.</summary>
    public string? DeploymentName => Segment(5, "deployments");

    private string? Segment(int index, string after)
    {
        string[] parts = ObjectId.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > index && string.Equals(parts[index - 1], after, StringComparison.OrdinalIgnoreCase)
            ? Uri.UnescapeDataString(parts[index])
            : null;
    }
}

/// <summary>One page of List Subscription Operations; ContinuationToken asks for the next one.</summary>
public sealed class SubscriptionOperationList
{
    public IReadOnlyList<SubscriptionOperation> Operations { get; set; } = new SubscriptionOperation[0];

    public string? ContinuationToken { get; set; }
}
