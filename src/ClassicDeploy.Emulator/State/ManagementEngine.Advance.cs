using System;
using System.Collections.Generic;
using System.Linq;

namespace ClassicDeploy.Emulator.State;

// Lazy advance: completes every operation whose end time has passed, at that end time.
public sealed partial class ManagementEngine
{
    private DateTimeOffset AdvanceLocked()
    {
        ThrowIfDisposed();
        ReloadIfNeeded();
        DateTimeOffset now = _clock.GetUtcNow();
        if (now < _nextDue)
        {
            return now;
        }

        foreach (ServiceState service in _services.Values)
        {
            foreach (DeploymentState deployment in service.Deployments.ToList())
            {
                if (deployment.Operation is { } op && op.EndsAt <= now)
                {
                    Complete(service, deployment, op);
                    Changed(service);
                }
            }
        }

        RecomputeNextDue();
        Commit();
        return now;
    }

    private void Complete(ServiceState service, DeploymentState deployment, ActiveOperation op)
    {
        DateTimeOffset end = op.EndsAt;
        deployment.Operation = null;
        deployment.LastModifiedTime = end;
        if (_operations.TryGetValue(Key(service.SubscriptionId, op.RequestId), out OperationRecord? record) && record.Status == "InProgress")
        {
            record.Status = "Succeeded";
            record.HttpStatusCode = 200;
            record.CompletedAt = end;
            Changed(record);
        }

        UpdateState? update = deployment.Update;
        switch (op.Kind)
        {
            case OperationKind.Delete:
                service.Deployments.Remove(deployment);
                break;
            case OperationKind.Swap:
                // Both deployments of a swap carry the operation, so each flips once: an exchange,
                // or a move into an empty production slot.
                deployment.Slot = deployment.Slot == DeploymentSlotName.Production ? DeploymentSlotName.Staging : DeploymentSlotName.Production;
                break;
            case OperationKind.WalkDomains when update is not null:
                update.Position = Math.Min(update.Domains.Count, update.Position + op.Steps);
                if (update.Position >= update.Domains.Count)
                {
                    FinishUpdate(deployment, update);
                }

                break;
            case OperationKind.Simultaneous when update is not null:
                FinishUpdate(deployment, update);
                break;
            case OperationKind.BeginUpdate when update is not null && update.Domains.Count == 0:
                FinishUpdate(deployment, update);
                break;
        }
    }

    /// <summary>An upgrade or configuration change installs its target; a rollback keeps the current package.</summary>
    private static void FinishUpdate(DeploymentState deployment, UpdateState update)
    {
        if (!update.IsRollback && update.Target is not null)
        {
            deployment.Current = update.Target;
        }

        deployment.Update = null;
    }

    private void RecomputeNextDue()
    {
        _nextDue = _services.Values
            .SelectMany(s => s.Deployments)
            .Where(d => d.Operation is not null)
            .Select(d => d.Operation!.EndsAt)
            .DefaultIfEmpty(DateTimeOffset.MaxValue)
            .Min();
    }

    private void StartOperation(ServiceState service, DeploymentState deployment, string requestId, OperationKind kind, TimeSpan step, int steps, DateTimeOffset now, string name)
    {
        deployment.Operation = new ActiveOperation { RequestId = requestId, Kind = kind, StartedAt = now, StepDuration = step, Steps = Math.Max(1, steps) };
        deployment.LastModifiedTime = now;
        string key = Key(service.SubscriptionId, requestId);
        if (!_operations.ContainsKey(key))
        {
            var record = new OperationRecord
            {
                SubscriptionId = service.SubscriptionId,
                Id = requestId,
                StartedAt = now,
                Name = name,
                ServiceName = service.ServiceName,
                // Swap Deployment acts on the hosted service, not on one deployment.
                DeploymentName = kind == OperationKind.Swap ? null : deployment.Name,
                Slot = kind == OperationKind.Swap ? null : deployment.Slot.ToString(),
            };
            _operations[key] = record;
            Changed(record);
        }

        if (deployment.Operation.EndsAt < _nextDue)
        {
            _nextDue = deployment.Operation.EndsAt;
        }

        Changed(service);
    }

    private static List<int> Range(int count) => Enumerable.Range(0, count).ToList();
}
