using System;
using System.Collections.Generic;
using System.Linq;

namespace ClassicDeploy.Emulator.State;

// Mutations: synchronous checks first (404, 400, 409), then the change is recorded and committed.
public sealed partial class ManagementEngine
{
    private const string RollbackName = "RollbackDeploymentUpdateOrUpgrade";

    public void CreateHostedService(string subscriptionId, CreateHostedServiceCommand command)
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
                ExtendedProperties = command.ExtendedProperties.ToList(),
            };
            _services[Key(subscriptionId, command.ServiceName)] = service;
            Changed(service);
            Commit();
        }
    }

    public void DeleteHostedService(string subscriptionId, string serviceName)
    {
        lock (_gate)
        {
            AdvanceLocked();
            ServiceState service = FindService(subscriptionId, serviceName);
            if (service.Deployments.Count > 0)
            {
                throw Errors.Conflict("The hosted service has deployments; delete them before deleting the hosted service.");
            }

            _services.Remove(Key(subscriptionId, serviceName));
            Removed(service);
            Commit();
        }
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

            var deployment = new DeploymentState
            {
                Name = command.Name,
                Slot = slot,
                PrivateId = Guid.NewGuid().ToString("N"),
                Started = command.StartDeployment,
                Current = Package(command.PackageUrl, command.Configuration, command.Label, command.ExtendedProperties, null),
                CreatedTime = now,
            };
            service.Deployments.Add(deployment);
            StartOperation(service, deployment, requestId, OperationKind.Create, _domainDuration, 1, now, "CreateDeployment");
            Commit();
        }
    }

    public void DeleteDeployment(string subscriptionId, string serviceName, DeploymentRef target, string requestId)
    {
        MutateDeployment(subscriptionId, serviceName, target, allowManualUpdate: false, (service, deployment, now) =>
        {
            StartOperation(service, deployment, requestId, OperationKind.Delete, _domainDuration, 1, now, "DeleteDeployment");
        });
    }

    public void UpgradeDeployment(string subscriptionId, string serviceName, DeploymentRef target, UpgradeDeploymentCommand command, string requestId)
    {
        MutateDeployment(subscriptionId, serviceName, target, allowManualUpdate: false, (service, deployment, now) =>
        {
            PackageState next = Package(command.PackageUrl, command.Configuration, command.Label, command.ExtendedProperties, deployment.Current);
            ServiceConfiguration.RequireSameRoles(deployment.Current.Roles, next.Roles);
            if (command.RoleToUpgrade is { Length: > 0 } role && !deployment.Current.Roles.Any(r => r.Name == role))
            {
                throw Errors.BadRequest("The role " + role + " to upgrade does not exist in the deployment.");
            }

            BeginUpdate(service, deployment, requestId, command.Mode, next, string.IsNullOrEmpty(command.RoleToUpgrade) ? null : command.RoleToUpgrade, now, "UpgradeDeployment");
        });
    }

    public void ChangeConfiguration(string subscriptionId, string serviceName, DeploymentRef target, ChangeConfigurationCommand command, string requestId)
    {
        MutateDeployment(subscriptionId, serviceName, target, allowManualUpdate: false, (service, deployment, now) =>
        {
            PackageState current = deployment.Current;
            PackageState next = Package(current.PackageUrl, command.Configuration, current.Label, command.ExtendedProperties, current);
            ServiceConfiguration.RequireSameRoles(current.Roles, next.Roles);
            BeginUpdate(service, deployment, requestId, command.Mode, next, null, now, "ChangeDeploymentConfiguration");
        });
    }

    public void WalkUpgradeDomain(string subscriptionId, string serviceName, DeploymentRef target, int upgradeDomain, string requestId)
    {
        MutateDeployment(subscriptionId, serviceName, target, allowManualUpdate: true, (service, deployment, now) =>
        {
            UpdateState update = deployment.Update ?? throw Errors.BadRequest("No update is in progress on this deployment, so there is no upgrade domain to walk.");
            int expected = update.Domains[update.Position];
            if (upgradeDomain != expected)
            {
                throw Errors.BadRequest("Upgrade domain " + upgradeDomain + " is not the current upgrade domain; walk upgrade domain " + expected + " next.");
            }

            StartOperation(service, deployment, requestId, OperationKind.WalkDomains, _domainDuration, 1, now, "WalkUpgradeDomain");
        });
    }

    public void RollbackUpdateOrUpgrade(string subscriptionId, string serviceName, DeploymentRef target, RollbackCommand command, string requestId)
    {
        MutateDeployment(subscriptionId, serviceName, target, allowManualUpdate: true, (service, deployment, now) =>
        {
            UpdateState? update = deployment.Update;
            if (update is null || update.IsRollback)
            {
                throw Errors.Conflict("Rollback is not allowed: no update or upgrade is in progress on this deployment.");
            }

            // The walked domains are walked back in the same order; nothing walked means a short operation.
            List<int> walked = update.Domains.Take(update.Position).ToList();
            UpgradeMode mode = command.Mode == UpgradeMode.Manual ? UpgradeMode.Manual : UpgradeMode.Auto;
            deployment.Update = new UpdateState
            {
                RequestId = requestId,
                Mode = mode,
                IsRollback = true,
                Domains = walked,
                RoleToUpgrade = update.RoleToUpgrade,
                DomainCount = update.DomainCount,
            };
            if (walked.Count > 0 && mode == UpgradeMode.Auto)
            {
                StartOperation(service, deployment, requestId, OperationKind.WalkDomains, _domainDuration, walked.Count, now, RollbackName);
            }
            else
            {
                StartOperation(service, deployment, requestId, OperationKind.BeginUpdate, ShortDuration, 1, now, RollbackName);
            }
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

            RequireIdle(staging, allowManualUpdate: false);
            if (production is not null)
            {
                RequireIdle(production, allowManualUpdate: false);
                StartOperation(service, production, requestId, OperationKind.Swap, ShortDuration, 1, now, "SwapDeployment");
            }

            StartOperation(service, staging, requestId, OperationKind.Swap, ShortDuration, 1, now, "SwapDeployment");
            Commit();
        }
    }

    private void BeginUpdate(ServiceState service, DeploymentState deployment, string requestId, UpgradeMode mode, PackageState next, string? role, DateTimeOffset now, string name)
    {
        int domainCount = Math.Max(DeploymentProjection.DomainCount(deployment.Current.Roles, _domainLimit), DeploymentProjection.DomainCount(next.Roles, _domainLimit));
        deployment.Update = new UpdateState
        {
            RequestId = requestId,
            Mode = mode,
            Domains = Range(domainCount),
            Target = next,
            RoleToUpgrade = role,
            DomainCount = domainCount,
        };
        switch (mode)
        {
            case UpgradeMode.Auto:
                StartOperation(service, deployment, requestId, OperationKind.WalkDomains, _domainDuration, domainCount, now, name);
                break;
            case UpgradeMode.Simultaneous:
                StartOperation(service, deployment, requestId, OperationKind.Simultaneous, _domainDuration, 1, now, name);
                break;
            default:
                // Manual: a short operation, then the update waits at domain 0, Before, for Walk Upgrade Domain.
                StartOperation(service, deployment, requestId, OperationKind.BeginUpdate, ShortDuration, 1, now, name);
                break;
        }
    }

    /// <summary>409 while an operation holds the deployment, and (unless allowed) while a manual update waits.</summary>
    /// <summary>
    /// The frame of every mutation of one existing deployment: under the lock, with the clock
    /// advanced, the service and deployment found and free for the request (else the errors those
    /// checks throw, and nothing changes); then <paramref name="mutate"/> and the commit.
    /// </summary>
    private void MutateDeployment(string subscriptionId, string serviceName, DeploymentRef target, bool allowManualUpdate, Action<ServiceState, DeploymentState, DateTimeOffset> mutate)
    {
        lock (_gate)
        {
            DateTimeOffset now = AdvanceLocked();
            ServiceState service = FindService(subscriptionId, serviceName);
            DeploymentState deployment = FindDeployment(service, target);
            RequireIdle(deployment, allowManualUpdate);
            mutate(service, deployment, now);
            Commit();
        }
    }

    private static void RequireIdle(DeploymentState deployment, bool allowManualUpdate)
    {
        if (deployment.Operation is { } op)
        {
            throw Errors.Busy(op.RequestId);
        }

        if (!allowManualUpdate && deployment.Update is { } update)
        {
            throw Errors.Busy(update.RequestId);
        }
    }

    /// <summary>Extended properties merge by name into the previous ones; configuration roles are read (400 when unusable).</summary>
    private static PackageState Package(string packageUrl, string configuration, string label, IReadOnlyList<ExtendedPropertyValue> properties, PackageState? previous)
    {
        var merged = previous?.ExtendedProperties.ToList() ?? new List<ExtendedPropertyValue>();
        foreach (ExtendedPropertyValue property in properties)
        {
            int index = merged.FindIndex(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                merged[index] = property;
            }
            else
            {
                merged.Add(property);
            }
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
