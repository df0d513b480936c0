using System;
using System.Collections.Generic;
using System.Linq;

namespace ClassicDeploy.Emulator.State;

// Mutations: synchronous checks first (404, 400, 409), then the change is recorded and committed.
public sealed partial class ManagementEngine
{
    private const string RollbackName = "RollbackDeploymentUpdateOrUpgrade";
    private const int MaxExtendedProperties = 25;

    /// <summary>Synchronous (201); with <paramref name="requestId"/> it is listed by List Subscription Operations as Succeeded.</summary>
    public void CreateHostedService(string subscriptionId, CreateHostedServiceCommand command, string? requestId = null)
    {
        lock (_gate)
        {
            DateTimeOffset now = AdvanceLocked();
            // Service names are DNS names, so they are unique across subscriptions.
            if (_services.Values.Any(s => SameId(s.ServiceName, command.ServiceName)))
            {
                throw Errors.Conflict("The specified DNS name is already taken.");
            }

            var service = new ServiceState
            {
                SubscriptionId = subscriptionId,
                ServiceName = command.ServiceName,
                Label = command.Label,
                Description = command.Description,
                Location = command.Location,
                AffinityGroup = command.AffinityGroup,
                DateCreated = now,
                DateLastModified = now,
                ExtendedProperties = command.ExtendedProperties.Where(p => !string.IsNullOrEmpty(p.Value)).ToList(),
            };
            _services[Key(subscriptionId, command.ServiceName)] = service;
            Changed(service);
            RecordSynchronous(service, requestId, "CreateHostedService", 201, now);
            Commit();
        }
    }

    /// <summary>Synchronous (200); with <paramref name="requestId"/> it is listed by List Subscription Operations as Succeeded.</summary>
    public void DeleteHostedService(string subscriptionId, string serviceName, string? requestId = null)
    {
        lock (_gate)
        {
            DateTimeOffset now = AdvanceLocked();
            ServiceState service = FindService(subscriptionId, serviceName);
            if (service.Deployments.Count > 0)
            {
                throw Errors.Conflict("The hosted service has deployments; delete them before deleting the hosted service.");
            }

            _services.Remove(Key(subscriptionId, serviceName));
            Removed(service);
            RecordSynchronous(service, requestId, "DeleteHostedService", 200, now);
            Commit();
        }
    }

    /// <summary>A synchronous operation on the hosted service, finished as it is recorded.</summary>
    private void RecordSynchronous(ServiceState service, string? requestId, string name, int status, DateTimeOffset now)
    {
        if (requestId is null)
        {
            return;
        }

        var record = new OperationRecord
        {
            SubscriptionId = service.SubscriptionId,
            Id = requestId,
            Sequence = ++_operationSequence,
            Name = name,
            ServiceName = service.ServiceName,
            StartedAt = now,
            CompletedAt = now,
            Status = "Succeeded",
            HttpStatusCode = status,
        };
        _operations[Key(service.SubscriptionId, requestId)] = record;
        Changed(record);
    }

    public void CreateDeployment(string subscriptionId, string serviceName, DeploymentSlotName slot, CreateDeploymentCommand command, string requestId)
    {
        lock (_gate)
        {
            DateTimeOffset now = AdvanceLocked();
            ServiceState service = FindService(subscriptionId, serviceName);
            // A swap into an empty slot has not moved its deployment yet, but the slot is taken.
            if (service.Deployments.Any(d => d.Slot == slot || (d.Operation?.Kind == OperationKind.Swap && d.Slot != slot)))
            {
                throw Errors.Conflict("The " + slot + " slot of hosted service " + service.ServiceName + " already holds a deployment.");
            }

            if (service.Deployments.Any(d => string.Equals(d.Name, command.Name, StringComparison.Ordinal)))
            {
                throw Errors.Conflict("A deployment named " + command.Name + " already exists in hosted service " + service.ServiceName + ".");
            }

            PackageState package = Package(command.PackageUrl, command.Configuration, command.Label, command.ExtendedProperties, null);
            var deployment = new DeploymentState
            {
                Name = command.Name,
                Slot = slot,
                PrivateId = Guid.NewGuid().ToString("N"),
                Started = command.StartDeployment,
                Current = package,
                CreatedTime = now,
                DomainCount = DeploymentProjection.DomainCount(package.Roles, _domainLimit),
            };
            service.Deployments.Add(deployment);
            StartOperation(service, deployment, requestId, OperationKind.Create, _domainDuration, now, "CreateDeployment");
            Commit();
        }
    }

    /// <summary>Accepted during an update, which then stops: its operation ends Failed (see <see cref="EndUpdate"/>).</summary>
    public void DeleteDeployment(string subscriptionId, string serviceName, DeploymentRef target, string requestId)
    {
        MutateDeployment(subscriptionId, serviceName, target, (service, deployment, now) =>
        {
            EndUpdate(service, deployment, now, "The deployment was deleted by operation " + requestId + ".");
            deployment.Update = null;
            StartOperation(service, deployment, requestId, OperationKind.Delete, _domainDuration, now, "DeleteDeployment");
        });
    }

    /// <summary>
    /// In-place: roles may be added or removed and instance counts changed. Over an update in progress
    /// it supersedes that update (as a rollback followed by this update).
    /// </summary>
    public void UpgradeDeployment(string subscriptionId, string serviceName, DeploymentRef target, UpgradeDeploymentCommand command, string requestId)
    {
        MutateDeployment(subscriptionId, serviceName, target, (service, deployment, now) =>
        {
            PackageState next = Package(command.PackageUrl, command.Configuration, command.Label, command.ExtendedProperties, deployment.Current);
            if (command.RoleToUpgrade is { Length: > 0 } role && !deployment.Current.Roles.Any(r => r.Name == role))
            {
                throw Errors.BadRequest("The role " + role + " to upgrade does not exist in the deployment.");
            }

            BeginUpdate(service, deployment, requestId, command.Mode, next, string.IsNullOrEmpty(command.RoleToUpgrade) ? null : command.RoleToUpgrade, now, "UpgradeDeployment");
        });
    }

    /// <summary>Keeps the deployed roles (400 otherwise); supersedes an update in progress like an upgrade.</summary>
    public void ChangeConfiguration(string subscriptionId, string serviceName, DeploymentRef target, ChangeConfigurationCommand command, string requestId)
    {
        MutateDeployment(subscriptionId, serviceName, target, (service, deployment, now) =>
        {
            PackageState current = deployment.Current;
            PackageState next = Package(current.PackageUrl, command.Configuration, current.Label, command.ExtendedProperties, current);
            ServiceConfiguration.RequireSameRoles(current.Roles, next.Roles);
            BeginUpdate(service, deployment, requestId, command.Mode, next, null, now, "ChangeDeploymentConfiguration");
        });
    }

    public void WalkUpgradeDomain(string subscriptionId, string serviceName, DeploymentRef target, int upgradeDomain, string requestId)
    {
        MutateDeployment(subscriptionId, serviceName, target, (service, deployment, now) =>
        {
            UpdateState update = deployment.Update ?? throw Errors.BadRequest("No update is in progress on this deployment, so there is no upgrade domain to walk.");
            if (update.Mode != UpgradeMode.Manual)
            {
                throw Errors.BadRequest("The update in progress is " + update.Mode + "; only a Manual update is walked with Walk Upgrade Domain.");
            }

            int expected = update.Domains[Math.Min(update.Position, update.Domains.Count - 1)];
            if (update.Step == UpdateStep.Walking)
            {
                throw Errors.BadRequest("Upgrade domain " + expected + " is being walked; walk the next upgrade domain once it is done.");
            }

            if (upgradeDomain != expected)
            {
                throw Errors.BadRequest("Upgrade domain " + upgradeDomain + " is not the current upgrade domain; walk upgrade domain " + expected + " next.");
            }

            Record(service, deployment, requestId, "WalkUpgradeDomain", now);
            BeginWalk(update, requestId, now);
            Hold(deployment, requestId, now);
            Schedule(deployment);
        });
    }

    /// <summary>
    /// Allowed while an update (not a rollback) is in progress. The domains it changed return to the
    /// current package: Auto walks them back by itself, Manual waits for a walk of each.
    /// </summary>
    public void RollbackUpdateOrUpgrade(string subscriptionId, string serviceName, DeploymentRef target, RollbackCommand command, string requestId)
    {
        MutateDeployment(subscriptionId, serviceName, target, (service, deployment, now) =>
        {
            UpdateState? update = deployment.Update;
            if (update is null || update.IsRollback)
            {
                throw Errors.Conflict("Rollback is not allowed: no update or upgrade is in progress on this deployment.");
            }

            List<int> changed = Unrestored(update);
            EndUpdate(service, deployment, now, "The update was rolled back by operation " + requestId + ".");
            UpgradeMode mode = command.Mode == UpgradeMode.Manual ? UpgradeMode.Manual : UpgradeMode.Auto;
            var rollback = new UpdateState
            {
                RequestId = requestId,
                Mode = mode,
                IsRollback = true,
                Domains = changed,
                Target = deployment.Current,
                RoleToUpgrade = update.RoleToUpgrade,
                DomainCount = update.DomainCount,
                StepRequestId = requestId,
            };
            deployment.Update = rollback;
            Record(service, deployment, requestId, RollbackName, now);
            if (mode == UpgradeMode.Auto && changed.Count > 0)
            {
                BeginWalk(rollback, requestId, now);
            }
            else
            {
                Accept(rollback, now);
            }

            Hold(deployment, requestId, now);
            Schedule(deployment);
        });
    }

    public void SwapDeployment(string subscriptionId, string serviceName, SwapCommand command, string requestId)
    {
        lock (_gate)
        {
            DateTimeOffset now = AdvanceLocked();
            ServiceState service = FindService(subscriptionId, serviceName);
            // No staging deployment: there is nothing to swap, answered as 404 like any missing deployment.
            DeploymentState staging = service.Deployments.FirstOrDefault(d => d.Slot == DeploymentSlotName.Staging) ?? throw Errors.DeploymentNotFound();
            DeploymentState? production = service.Deployments.FirstOrDefault(d => d.Slot == DeploymentSlotName.Production);
            if (!string.Equals(command.SourceDeployment, staging.Name, StringComparison.Ordinal))
            {
                throw Errors.Conflict("The source deployment " + command.SourceDeployment + " is not the deployment in the Staging slot.");
            }

            bool productionMatches = production is null
                ? string.IsNullOrEmpty(command.Production)
                : string.Equals(command.Production, production.Name, StringComparison.Ordinal);
            if (!productionMatches)
            {
                throw Errors.Conflict("The production deployment " + (command.Production ?? "(none)") + " is not the deployment in the Production slot.");
            }

            // A swap needs both deployments to itself: not while either is locked or being updated.
            RequireUnlocked(staging, now, swapping: true);
            if (production is not null)
            {
                RequireUnlocked(production, now, swapping: true);
                StartOperation(service, production, requestId, OperationKind.Swap, ShortDuration, now, "SwapDeployment");
            }

            StartOperation(service, staging, requestId, OperationKind.Swap, ShortDuration, now, "SwapDeployment");
            Commit();
        }
    }

    private void BeginUpdate(ServiceState service, DeploymentState deployment, string requestId, UpgradeMode mode, PackageState next, string? role, DateTimeOffset now, string name)
    {
        UpdateState? previous = deployment.Update;
        List<int> touched = previous is null ? new List<int>() : Unrestored(previous);
        EndUpdate(service, deployment, now, "The update was superseded by operation " + requestId + ".");
        int domainCount = DomainCountOf(deployment);
        var update = new UpdateState
        {
            RequestId = requestId,
            Mode = mode,
            Domains = Range(domainCount),
            Target = next,
            RoleToUpgrade = role,
            DomainCount = domainCount,
            StepRequestId = requestId,
            Touched = touched,
            Fails = _behaviors.Of(next.PackageUrl) == PackageBehavior.Invalid,
        };
        deployment.Update = update;
        Record(service, deployment, requestId, name, now);
        if (mode == UpgradeMode.Manual || update.Fails)
        {
            // Manual: accepted, then the update waits at its first domain, Before, for Walk Upgrade Domain.
            Accept(update, now);
        }
        else
        {
            // Auto and Simultaneous: the first domain (every domain) is updated at once.
            BeginWalk(update, requestId, now);
        }

        Hold(deployment, requestId, now);
        Schedule(deployment);
    }

    private void Accept(UpdateState update, DateTimeOffset now)
    {
        update.Step = UpdateStep.Accepting;
        update.StepStartedAt = now;
        update.StepEndsAt = now + _acceptDuration;
    }

    /// <summary>The exclusive window of accepting an update or a walk: Locked, other mutations 409.</summary>
    private void Hold(DeploymentState deployment, string requestId, DateTimeOffset now)
    {
        deployment.Lock = new LockState { RequestId = requestId, Until = now + _acceptDuration };
        deployment.LastModifiedTime = now;
    }

    /// <summary>
    /// Ends the update in progress (rolled back, superseded or deleted): its unfinished operations end
    /// Failed with HttpStatusCode 409 and Error Code ConflictError, saying which operation ended them.
    /// </summary>
    private void EndUpdate(ServiceState service, DeploymentState deployment, DateTimeOffset now, string message)
    {
        if (deployment.Update is { } update)
        {
            Fail(service, update.StepRequestId, now, 409, "ConflictError", message);
            Fail(service, update.RequestId, now, 409, "ConflictError", message);
        }
    }

    /// <summary>The domains an update left off the current package, in domain order: what a rollback walks back.</summary>
    private static List<int> Unrestored(UpdateState update)
    {
        IEnumerable<int> domains = update.IsRollback
            ? update.Domains.Skip(update.Position)
            : update.Touched;
        return domains.Distinct().OrderBy(d => d).ToList();
    }

    /// <summary>
    /// The frame of every mutation of one existing deployment: under the lock, with the clock
    /// advanced, the service and deployment found and not Locked (else the errors those checks
    /// throw, and nothing changes); then <paramref name="mutate"/> and the commit.
    /// </summary>
    private void MutateDeployment(string subscriptionId, string serviceName, DeploymentRef target, Action<ServiceState, DeploymentState, DateTimeOffset> mutate)
    {
        lock (_gate)
        {
            DateTimeOffset now = AdvanceLocked();
            ServiceState service = FindService(subscriptionId, serviceName);
            DeploymentState deployment = FindDeployment(service, target);
            RequireUnlocked(deployment, now, swapping: false);
            mutate(service, deployment, now);
            Changed(service);
            Commit();
        }
    }

    /// <summary>409 naming the holder while an operation needs the deployment exclusively (and, for a swap, while it is being updated).</summary>
    private static void RequireUnlocked(DeploymentState deployment, DateTimeOffset now, bool swapping)
    {
        if (deployment.Operation is { } op)
        {
            throw Errors.Busy(op.RequestId);
        }

        if (deployment.Lock is { } held && now < held.Until)
        {
            throw Errors.Busy(held.RequestId);
        }

        if (swapping && deployment.Update is { } update)
        {
            throw Errors.Busy(update.RequestId);
        }
    }

    /// <summary>
    /// Extended properties merge by name into the previous ones; one sent without a value (or with an
    /// empty one) is deleted; at most 25 may remain. Configuration roles are read (400 when unusable).
    /// </summary>
    private static PackageState Package(string packageUrl, string configuration, string label, IReadOnlyList<ExtendedPropertyValue> properties, PackageState? previous)
    {
        var merged = previous?.ExtendedProperties.ToList() ?? new List<ExtendedPropertyValue>();
        foreach (ExtendedPropertyValue property in properties)
        {
            int index = merged.FindIndex(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            if (string.IsNullOrEmpty(property.Value))
            {
                if (index >= 0)
                {
                    merged.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                merged[index] = property;
            }
            else
            {
                merged.Add(property);
            }
        }

        if (merged.Count > MaxExtendedProperties)
        {
            throw Errors.BadRequest(
                "At most " + MaxExtendedProperties + " extended properties are allowed; this request would leave " + merged.Count + ".");
        }

        return new PackageState
        {
            PackageUrl = packageUrl,
            Configuration = configuration,
            Label = label,
            ExtendedProperties = merged,
            Roles = ServiceConfiguration.ReadRoles(configuration),
        };
    }
}
