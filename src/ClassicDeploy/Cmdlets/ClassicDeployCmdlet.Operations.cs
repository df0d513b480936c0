using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>What every mutation shares: the operation object it outputs, -Wait with progress, OperationFailed.</summary>
public abstract partial class ClassicDeployCmdlet
{
    /// <summary>The output object of an accepted request, InProgress.</summary>
    internal static DeploymentOperation Accepted(AcceptedOperation accepted, string operation, string serviceName, DeploymentSlot? slot, string? deploymentName, DateTime startTime) =>
        new DeploymentOperation
        {
            RequestId = accepted.RequestId,
            Operation = operation,
            ServiceName = serviceName,
            Slot = slot,
            DeploymentName = deploymentName,
            Status = OperationState.InProgress,
            StartTime = startTime,
        };

    /// <summary>
    /// With <paramref name="wait"/>, polls the operation to its end (raising progress for
    /// <paramref name="progress"/> when given) and fills in the result; then outputs the operation
    /// and, if it failed, an OperationFailed error. On timeout the unfinished operation is output
    /// before the OperationTimeout error, so it can be waited for again.
    /// </summary>
    internal async Task<DeploymentOperation> CompleteAsync(DeploymentOperation operation, bool wait, TimeSpan? timeout, UpgradeProgress? progress, CancellationToken ct)
    {
        if (wait)
        {
            try
            {
                OperationStatus status = await WaitAsync(operation, timeout, progress, ct).ConfigureAwait(false);
                Apply(operation, status);
            }
            catch (TimeoutException)
            {
                Emit(operation);
                throw;
            }
        }

        Emit(operation);
        if (operation.Status == OperationState.Failed)
        {
            EmitError(OperationFailed(operation));
        }

        return operation;
    }

    /// <summary>
    /// Polls to the end. With progress, the wait reads the deployment with Get Deployment where that tells
    /// it when to look, and every such answer feeds the progress bar (no extra request per poll); the bar is
    /// completed at the end.
    /// </summary>
    internal async Task<OperationStatus> WaitAsync(DeploymentOperation operation, TimeSpan? timeout, UpgradeProgress? progress, CancellationToken ct)
    {
        try
        {
            if (progress is null)
            {
                return await Client.WatchOperationAsync(operation.RequestId, null, timeout, ct).ConfigureAwait(false);
            }

            var watch = new OperationWatch(
                progress.Target,
                WalksEveryDomain(operation.Operation),
                progress.Report,
                exception => EmitVerbose("Progress: could not read deployment " + progress.Target + ": " + exception.Message));
            return await Client.WatchOperationAsync(operation.RequestId, watch, timeout, ct).ConfigureAwait(false);
        }
        finally
        {
            if (progress != null && !progress.KeepOpen)
            {
                progress.Complete();
            }
        }
    }

    /// <summary>An upgrade or configuration change in Auto mode walks every upgrade domain in turn, so its end can be forecast.</summary>
    private static bool WalksEveryDomain(string? operation) =>
        operation == "Upgrade Deployment" || operation == "Change Deployment Configuration";

    internal static void Apply(DeploymentOperation operation, OperationStatus status)
    {
        operation.Status = status.Status;
        operation.HttpStatusCode = status.HttpStatusCode;
        operation.ErrorCode = status.ErrorCode;
        operation.ErrorMessage = status.ErrorMessage;
        if (status.Status != OperationState.InProgress)
        {
            operation.EndTime = DateTime.UtcNow;
        }
    }

    internal static ErrorRecord OperationFailed(DeploymentOperation operation)
    {
        string on = operation.DeploymentName ?? (operation.Slot?.ToString() ?? string.Empty);
        string message = $"{operation.Operation} on {operation.ServiceName}/{on} failed (operation {operation.RequestId}): {operation.ErrorCode}: {operation.ErrorMessage}";
        return new ErrorRecord(
            new ClassicDeployException("OperationFailed", ErrorCategory.InvalidResult, message),
            ErrorRecords.Prefix + "OperationFailed",
            ErrorCategory.InvalidResult,
            operation);
    }

    /// <summary>Refuses service and deployment names the API cannot take, before any request (InvalidParameter naming the parameter).</summary>
    internal static void Validate(DeploymentTarget target)
    {
        RequestRules.Name(target.ServiceName, "ServiceName");
        if (target.DeploymentName == null && target.Slot == null)
        {
            throw new RequestValidationException(
                $"Say which deployment of {target.ServiceName}: give -Slot (Production or Staging) or -DeploymentName, or pipe an object with a Slot or DeploymentName property.",
                "Slot");
        }

        if (target.DeploymentName != null)
        {
            RequestRules.Name(target.DeploymentName, "DeploymentName");
        }
    }

    /// <summary>Refuses a service name the API cannot take, before any request.</summary>
    internal static void ValidateServiceName(string serviceName) => RequestRules.Name(serviceName, "ServiceName");

    /// <summary>A progress bar for one deployment, written through this cmdlet's pipeline thread.</summary>
    internal UpgradeProgress NewProgress(string verb, DeploymentTarget target) => new UpgradeProgress(verb, target, EmitProgress);
}
