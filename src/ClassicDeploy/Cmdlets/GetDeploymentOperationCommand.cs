using System;
using System.Management.Automation;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Get-DeploymentOperation: Get Operation Status, once. Takes a request id, or the operation
/// objects the mutations output (their target is kept in the output).
/// </summary>
[Cmdlet(VerbsCommon.Get, "DeploymentOperation", DefaultParameterSetName = OperationInput.ByInputObject)]
[OutputType(typeof(DeploymentOperation))]
public sealed class GetDeploymentOperationCommand : ClassicDeployCmdlet
{
    /// <summary>The operation's request id (x-ms-request-id of the accepted request).</summary>
    [Parameter(ParameterSetName = OperationInput.ByRequestId, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string RequestId { get; set; } = string.Empty;

    /// <summary>An operation object from a mutation.</summary>
    [Parameter(ParameterSetName = OperationInput.ByInputObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public DeploymentOperation? InputObject { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        DeploymentOperation operation = OperationInput.Copy(InputObject, RequestId);
        Run(
            async ct =>
            {
                Apply(operation, await Client.GetOperationStatusAsync(operation.RequestId, ct).ConfigureAwait(false));
                Emit(operation);
            },
            (object?)InputObject ?? RequestId);
    }
}

/// <summary>What Get- and Wait-DeploymentOperation share.</summary>
internal static class OperationInput
{
    public const string ByRequestId = "ByRequestId";
    public const string ByInputObject = "ByInputObject";

    /// <summary>A fresh object to fill in (the input is left as it was), or one for a bare request id.</summary>
    public static DeploymentOperation Copy(DeploymentOperation? input, string requestId) =>
        input is null
            ? new DeploymentOperation { RequestId = requestId, Status = OperationState.InProgress, StartTime = DateTime.UtcNow }
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
