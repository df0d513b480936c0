using System;

namespace ClassicDeploy.Models;

/// <summary>The cmdlets' output for every mutation; Wait-/Get-DeploymentOperation bind RequestId from it.</summary>
public sealed class DeploymentOperation
{
    private OperationKind _kind;
    private string? _operation;

    public string RequestId { get; set; } = string.Empty;

    /// <summary>Which operation this is; set it or <see cref="Operation"/>, the other follows.</summary>
    public OperationKind Kind
    {
        get => _kind;
        set
        {
            _kind = value;
            _operation = null;
        }
    }

    /// <summary>The API operation, e.g. "Upgrade Deployment" or "Walk Upgrade Domain" (the name of <see cref="Kind"/>).</summary>
    public string Operation
    {
        get => _operation ?? OperationKinds.ApiName(_kind);
        set
        {
            _kind = OperationKinds.FromApiName(value);
            _operation = _kind == OperationKind.Unknown ? value : null;
        }
    }

    public string ServiceName { get; set; } = string.Empty;

    public DeploymentSlot? Slot { get; set; }

    public string? DeploymentName { get; set; }

    public OperationState Status { get; set; }

    public int? HttpStatusCode { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    public DateTime StartTime { get; set; }

    public DateTime? EndTime { get; set; }
}
