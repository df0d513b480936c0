using System;
using System.Collections.Generic;
using System.Linq;

namespace ClassicDeploy.Emulator.State;

// Lazy advance: applies every step whose time has passed, at that time, in order.
public sealed partial class ManagementEngine
{
    private const string InvalidPackageMessage = "The service package cannot be used: it is not a valid Cloud Services package.";

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
                // Bounded: each step moves an update forward or ends an operation.
                for (int guard = 0; guard < 10_000 && NextDue(deployment) is { } due && due <= now; guard++)
                {
                    Step(service, deployment, due);
                    Changed(service);
                    if (!service.Deployments.Contains(deployment))
                    {
                        break;
                    }
                }
            }
        }

        RecomputeNextDue();
        Commit();
        return now;
    }

    /// <summary>When the deployment's next step is due, or null when nothing is scheduled.</summary>
    private static DateTimeOffset? NextDue(DeploymentState deployment)
    {
        if (deployment.Operation is { } op)
        {
            return op.EndsAt;
        }

        return deployment.Update is { Step: not UpdateStep.Waiting } update ? update.StepEndsAt : null;
    }

    private void Step(ServiceState service, DeploymentState deployment, DateTimeOffset at)
    {
        if (deployment.Operation is { } op)
        {
            Complete(service, deployment, op);
            return;
        }

        UpdateState update = deployment.Update!;
        switch (update.Step)
        {
            case UpdateStep.Accepting when update.Fails:
                Fail(service, update.StepRequestId, at, 400, "BadRequest", InvalidPackageMessage);
                deployment.Update = null;
                deployment.LastModifiedTime = at;
                break;
            case UpdateStep.Accepting when update.Position >= update.Domains.Count:
                FinishUpdate(service, deployment, update, at);
                break;
            case UpdateStep.Accepting when update.Mode == UpgradeMode.Manual:
                Succeed(service, update.StepRequestId, at);
                update.Step = UpdateStep.Waiting;
                break;
            case UpdateStep.Accepting:
            case UpdateStep.Settling:
                BeginWalk(update, update.StepRequestId, at);
                break;
            case UpdateStep.Walking:
                ApplyWalk(service, deployment, update, at);
                break;
        }
    }

    private void Complete(ServiceState service, DeploymentState deployment, ActiveOperation op)
    {
        DateTimeOffset end = op.EndsAt;
        deployment.Operation = null;
        deployment.LastModifiedTime = end;
        switch (op.Kind)
        {
            case OperationKind.Create when _behaviors.Of(deployment.Current.PackageUrl) == PackageBehavior.Invalid:
                Fail(service, op.RequestId, end, 400, "BadRequest", InvalidPackageMessage);
                service.Deployments.Remove(deployment);
                return;
            case OperationKind.Create:
                StartInstances(deployment, deployment.Current, Range(DomainCountOf(deployment)), null, end);
                break;
            case OperationKind.Delete:
                service.Deployments.Remove(deployment);
                break;
            case OperationKind.Swap:
                // Both deployments of a swap carry the operation, so each flips once: an exchange,
                // or a move into an empty production slot.
                deployment.Slot = deployment.Slot == DeploymentSlotName.Production ? DeploymentSlotName.Staging : DeploymentSlotName.Production;
                break;
        }

        Succeed(service, op.RequestId, end);
    }

    /// <summary>Domains[Position] (or every domain) starts being updated at <paramref name="at"/>.</summary>
    private void BeginWalk(UpdateState update, string requestId, DateTimeOffset at)
    {
        update.Step = UpdateStep.Walking;
        update.StepStartedAt = at;
        update.StepEndsAt = at + _domainDuration;
        update.StepRequestId = requestId;
        foreach (int domain in WalkingDomains(update))
        {
            if (!update.IsRollback && !update.Touched.Contains(domain))
            {
                update.Touched.Add(domain);
            }
        }
    }

    /// <summary>The walked domain's change is applied: its instances run the target and start; then on to the next domain.</summary>
    private void ApplyWalk(ServiceState service, DeploymentState deployment, UpdateState update, DateTimeOffset at)
    {
        PackageState target = update.Target ?? deployment.Current;
        List<int> walked = WalkingDomains(update).ToList();
        StartInstances(deployment, target, walked, update.RoleToUpgrade, at);
        update.Position = update.Mode == UpgradeMode.Simultaneous ? update.Domains.Count : update.Position + 1;
        deployment.LastModifiedTime = at;
        if (update.Position >= update.Domains.Count)
        {
            FinishUpdate(service, deployment, update, at);
            return;
        }

        if (update.Mode == UpgradeMode.Manual)
        {
            Succeed(service, update.StepRequestId, at);
            update.Step = UpdateStep.Waiting;
            return;
        }

        // Auto: the next domain waits until the updated instances are ready, or the start timeout passes.
        TimeSpan ready = ReadyAfter(target.PackageUrl);
        update.Step = UpdateStep.Settling;
        update.StepStartedAt = at;
        update.StepEndsAt = at + (ready < _startTimeout ? ready : _startTimeout);
    }

    /// <summary>An upgrade or configuration change installs its target; a rollback keeps the current package.</summary>
    private void FinishUpdate(ServiceState service, DeploymentState deployment, UpdateState update, DateTimeOffset at)
    {
        if (!update.IsRollback && update.Target is not null)
        {
            deployment.Current = update.Target;
            // Instances of roles or indexes the update added start now where no walk started them.
            StartInstances(deployment, deployment.Current, Range(DomainCountOf(deployment)), null, at, onlyMissing: true);
        }

        deployment.Update = null;
        deployment.LastModifiedTime = at;
        Succeed(service, update.StepRequestId, at);
        Succeed(service, update.RequestId, at);
    }

    private static IEnumerable<int> WalkingDomains(UpdateState update) =>
        update.Mode == UpgradeMode.Simultaneous ? update.Domains : update.Domains.Skip(update.Position).Take(1);

    private void StartInstances(DeploymentState deployment, PackageState package, IEnumerable<int> domains, string? role, DateTimeOffset at, bool onlyMissing = false)
    {
        foreach (int domain in domains)
        {
            foreach (RoleSpec spec in package.Roles.Where(r => role is null || r.Name == role))
            {
                InstanceStart? start = deployment.Starts.FirstOrDefault(s => s.Role == spec.Name && s.Domain == domain);
                if (start is null)
                {
                    deployment.Starts.Add(new InstanceStart { Role = spec.Name, Domain = domain, At = at, PackageUrl = package.PackageUrl });
                }
                else if (!onlyMissing)
                {
                    start.At = at;
                    start.PackageUrl = package.PackageUrl;
                }
            }
        }
    }

    /// <summary>How long started instances of a package take to be ready (Crash: never).</summary>
    private TimeSpan ReadyAfter(string packageUrl) => _behaviors.Of(packageUrl) switch
    {
        PackageBehavior.Crash => TimeSpan.MaxValue,
        PackageBehavior.Slow => TimeSpan.FromTicks(_instanceStart.Ticks * 10),
        _ => _instanceStart,
    };

    private void RecomputeNextDue()
    {
        _nextDue = _services.Values
            .SelectMany(s => s.Deployments)
            .Select(NextDue)
            .Where(d => d is not null)
            .Select(d => d!.Value)
            .DefaultIfEmpty(DateTimeOffset.MaxValue)
            .Min();
    }

    private void Schedule(DeploymentState deployment)
    {
        if (NextDue(deployment) is { } due && due < _nextDue)
        {
            _nextDue = due;
        }
    }

    /// <summary>Create, Delete or Swap: holds the deployment for <paramref name="duration"/>.</summary>
    private void StartOperation(ServiceState service, DeploymentState deployment, string requestId, OperationKind kind, TimeSpan duration, DateTimeOffset now, string name)
    {
        deployment.Operation = new ActiveOperation { RequestId = requestId, Kind = kind, StartedAt = now, StepDuration = duration, Steps = 1 };
        deployment.LastModifiedTime = now;
        Record(service, deployment, requestId, name, now, onService: kind == OperationKind.Swap);
        Schedule(deployment);
        Changed(service);
    }

    private void Record(ServiceState service, DeploymentState deployment, string requestId, string name, DateTimeOffset now, bool onService = false)
    {
        string key = Key(service.SubscriptionId, requestId);
        if (_operations.ContainsKey(key))
        {
            return;
        }

        var record = new OperationRecord
        {
            SubscriptionId = service.SubscriptionId,
            Id = requestId,
            Sequence = ++_operationSequence,
            StartedAt = now,
            Name = name,
            ServiceName = service.ServiceName,
            // Swap Deployment acts on the hosted service, not on one deployment.
            DeploymentName = onService ? null : deployment.Name,
            Slot = onService ? null : deployment.Slot.ToString(),
        };
        _operations[key] = record;
        Changed(record);
    }

    private void Succeed(ServiceState service, string requestId, DateTimeOffset at) => End(service, requestId, at, "Succeeded", 200, null, null);

    private void Fail(ServiceState service, string requestId, DateTimeOffset at, int status, string code, string message) =>
        End(service, requestId, at, "Failed", status, code, message);

    /// <summary>Ends an operation still in progress; one already finished keeps its outcome.</summary>
    private void End(ServiceState service, string requestId, DateTimeOffset at, string status, int httpStatus, string? code, string? message)
    {
        if (_operations.TryGetValue(Key(service.SubscriptionId, requestId), out OperationRecord? record) && record.Status == "InProgress")
        {
            record.Status = status;
            record.HttpStatusCode = httpStatus;
            record.ErrorCode = code;
            record.ErrorMessage = message;
            record.CompletedAt = at;
            Changed(record);
        }
    }

    private int DomainCountOf(DeploymentState deployment) =>
        deployment.DomainCount > 0 ? deployment.DomainCount : DeploymentProjection.DomainCount(deployment.Current.Roles, _domainLimit);

    private static List<int> Range(int count) => Enumerable.Range(0, count).ToList();
}
