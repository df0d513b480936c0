using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Operations;

/// <summary>
/// List Subscription Operations: what an operation known only by its request id was about, and a
/// deployment's recent operations (so one whose request id was lost is found again).
/// </summary>
internal sealed partial class Workflows
{
    /// <summary>How far back a bare request id is looked up.</summary>
    internal static readonly TimeSpan LookupWindow = TimeSpan.FromDays(7);

    /// <summary>Pages read at most while looking up request ids.</summary>
    private const int MaxLookupPages = 20;

    /// <summary>
    /// Fills Operation, ServiceName, Slot, DeploymentName and StartTime of the operations known only
    /// by request id from one listing of the subscription's recent operations. Not found, or the
    /// listing failed: the operation is left as it was (a verbose line says so).
    /// </summary>
    internal async Task DescribeAsync(IReadOnlyList<DeploymentOperation> operations, CancellationToken ct)
    {
        var bare = operations.Where(o => string.IsNullOrEmpty(o.ServiceName)).ToList();
        if (bare.Count == 0)
        {
            return;
        }

        DateTime now = DateTime.UtcNow;
        var wanted = new HashSet<string>(bare.Select(o => OperationIds.Normalize(o.RequestId)), StringComparer.OrdinalIgnoreCase);
        var found = new Dictionary<string, SubscriptionOperation>(StringComparer.OrdinalIgnoreCase);
        try
        {
            string? token = null;
            for (int page = 0; page < MaxLookupPages && found.Count < wanted.Count; page++)
            {
                SubscriptionOperationList list = await Client.ListSubscriptionOperationsAsync(now - LookupWindow, now + TimeSpan.FromHours(1), null, null, token, ct).ConfigureAwait(false);
                foreach (SubscriptionOperation entry in list.Operations)
                {
                    string id = OperationIds.Normalize(entry.OperationId);
                    if (wanted.Contains(id))
                    {
                        found[id] = entry;
                    }
                }

                token = list.ContinuationToken;
                if (string.IsNullOrEmpty(token))
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (!(exception is OperationCanceledException) || !ct.IsCancellationRequested)
        {
            Sink.Verbose("List Subscription Operations failed, so what the operations were about stays unknown: " + exception.Message);
            return;
        }

        foreach (DeploymentOperation operation in bare)
        {
            if (found.TryGetValue(OperationIds.Normalize(operation.RequestId), out SubscriptionOperation? entry))
            {
                Describe(operation, entry);
            }
            else
            {
                Sink.Verbose($"Operation {operation.RequestId} is not among the subscription's operations of the last {LookupWindow.TotalDays:0} days.");
            }
        }
    }

    /// <summary>
    /// The operations of the last <paramref name="since"/>-to-now window on <paramref name="service"/>
    /// (only those of one deployment when <paramref name="slot"/> or <paramref name="deploymentName"/>
    /// is given; only one state when <paramref name="status"/> is), oldest first, each output.
    /// </summary>
    public async Task ListOperationsAsync(string service, DeploymentSlot? slot, string? deploymentName, OperationState? status, DateTime since, CancellationToken ct)
    {
        TargetRules.ServiceName(service);
        string? objectId = null;
        if (slot != null || deploymentName != null)
        {
            DeploymentTarget target = deploymentName != null ? DeploymentTarget.ByName(service, deploymentName) : DeploymentTarget.BySlot(service, slot!.Value);
            TargetRules.Deployment(target);
            string name = deploymentName ?? (await Client.GetDeploymentAsync(target, ct).ConfigureAwait(false)).DeploymentName;
            objectId = Client.DeploymentObjectId(service, name);
        }

        DateTime start = since.Kind == DateTimeKind.Local ? since.ToUniversalTime() : since;
        IReadOnlyList<SubscriptionOperation> all = await Client.ListAllSubscriptionOperationsAsync(start, DateTime.UtcNow + TimeSpan.FromMinutes(5), objectId, status, ct).ConfigureAwait(false);
        foreach (SubscriptionOperation entry in all
            .Where(e => string.Equals(e.ServiceName, service, StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e.StartedTime ?? DateTime.MinValue))
        {
            var operation = new DeploymentOperation { RequestId = OperationIds.Normalize(entry.OperationId) };
            Describe(operation, entry);
            Apply(operation, entry.Status);
            operation.EndTime = entry.CompletedTime ?? (entry.Status.Status == OperationState.InProgress ? (DateTime?)null : operation.EndTime);
            Sink.Emit(operation);
        }
    }

    private static void Describe(DeploymentOperation operation, SubscriptionOperation entry)
    {
        OperationKind kind = OperationKinds.FromListName(entry.OperationName);
        if (kind != OperationKind.Unknown)
        {
            operation.Kind = kind;
        }
        else if (!string.IsNullOrEmpty(entry.OperationName))
        {
            operation.Operation = entry.OperationName;
        }

        operation.ServiceName = entry.ServiceName ?? operation.ServiceName;
        operation.DeploymentName = entry.DeploymentName ?? operation.DeploymentName;
        if (entry.Parameters.TryGetValue("DeploymentSlot", out string? slotText)
            && Enum.TryParse(slotText, true, out DeploymentSlot slot))
        {
            operation.Slot = slot;
        }

        if (entry.StartedTime is DateTime started)
        {
            operation.StartTime = started;
        }
    }
}
