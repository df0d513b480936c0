using System;
using System.Management.Automation;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// A cmdlet about an operation (Get- and Wait-DeploymentOperation): by request id, or by the
/// operation object a mutation output, whose target is kept in the output.
/// </summary>
public abstract class OperationCmdlet : ClassicDeployCmdlet
{
    /// <summary>Parameter set: a bare request id.</summary>
    protected const string ByRequestId = "ByRequestId";

    /// <summary>Parameter set: an operation object.</summary>
    protected const string ByInputObject = "ByInputObject";

    /// <summary>The operation's request id (x-ms-request-id of the accepted request); piped strings bind here (Get-Content ids.txt | Wait-DeploymentOperation).</summary>
    [Parameter(ParameterSetName = ByRequestId, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string RequestId { get; set; } = string.Empty;

    /// <summary>An operation object from a mutation.</summary>
    [Parameter(ParameterSetName = ByInputObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DeploymentOperation? InputObject { get; set; }

    /// <summary>This pipeline item, as the target of its error.</summary>
    protected object PipelineItem => (object?)InputObject ?? RequestId;

    /// <summary>A fresh object to fill in (the input is left as it was), or one for a bare request id.</summary>
    protected DeploymentOperation CopyOfInput()
    {
        DeploymentOperation? input = InputObject;
        return input is null
            ? new DeploymentOperation { RequestId = OperationIds.Normalize(RequestId), Status = OperationState.InProgress, StartTime = DateTime.UtcNow }
            : new DeploymentOperation
            {
                RequestId = input.RequestId,
                Operation = input.Operation,
                ServiceName = input.ServiceName,
                Slot = input.Slot,
                DeploymentName = input.DeploymentName,
                Status = input.Status,
                HttpStatusCode = input.HttpStatusCode,
                ErrorCode = input.ErrorCode,
                ErrorMessage = input.ErrorMessage,
                StartTime = input.StartTime,
                EndTime = input.EndTime,
            };
    }
}
