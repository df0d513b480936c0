using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ClassicDeploy.Emulator.State;

/// <summary>Turns stored state plus "now" into the immutable views callers see.</summary>
internal static class DeploymentProjection
{
    public const string SdkVersion = "2.9.8.8";

    public static HostedServiceView Service(ServiceState service, DateTimeOffset now, int domainLimit) => new(
        service.ServiceName, service.Label, service.Description, service.Location, service.AffinityGroup, "Created",
        service.DateCreated, service.DateLastModified, service.ExtendedProperties.ToList(),
        service.Deployments.OrderBy(d => d.Slot).Select(d => Deployment(service, d, now, domainLimit)).ToList());

    public static DeploymentView Deployment(ServiceState service, DeploymentState deployment, DateTimeOffset now, int domainLimit)
    {
        ActiveOperation? op = deployment.Operation;
        UpdateState? update = deployment.Update;
        Cycle cycle = CurrentCycle(deployment, now);
        string status = Status(deployment, op, now);
        int domainCount = update?.DomainCount ?? DomainCount(deployment.Current.Roles, domainLimit);
        string url = deployment.Slot == DeploymentSlotName.Production
            ? "http://" + service.ServiceName + ".cloudapp.net/"
            : "http://" + deployment.PrivateId + ".cloudapp.net/";
        return new DeploymentView(
            deployment.Name, deployment.Slot, deployment.PrivateId, status, deployment.Current.Label, url,
            deployment.Current.Configuration, Instances(deployment, cycle, op, now, domainLimit), UpgradeStatus(update, cycle),
            domainCount, deployment.Current.Roles.Select(r => new RoleView(r.Name, r.OsVersion)).ToList(), SdkVersion,
            Locked: op is not null, RollbackAllowed: update is not null && !update.IsRollback,
            deployment.CreatedTime, deployment.LastModifiedTime, deployment.Current.ExtendedProperties.ToList(),
            deployment.Current.PackageUrl);
    }

    /// <summary>
    /// A deployment's upgrade domain count: min(limit, largest role instance count), at least 1,
    /// so that every domain holds at least one instance and walking never visits an empty domain.
    /// Instance i of a role lives in domain i mod this count (equal to i mod limit, as i &lt; count).
    /// </summary>
    public static int DomainCount(IReadOnlyList<RoleSpec> roles, int limit) =>
        Math.Max(1, Math.Min(limit, roles.Count == 0 ? 1 : roles.Max(r => r.InstanceCount)));

    /// <summary>Which domains are cycling right now and how far through their step they are.</summary>
    private readonly record struct Cycle(bool Active, bool AllDomains, int Domain, double Fraction);

    private static Cycle CurrentCycle(DeploymentState deployment, DateTimeOffset now)
    {
        ActiveOperation? op = deployment.Operation;
        UpdateState? update = deployment.Update;
        if (op is null || update is null)
        {
            return default;
        }

        (int step, double fraction) = Progress(op, now);
        return op.Kind switch
        {
            OperationKind.WalkDomains when update.Position + step < update.Domains.Count =>
                new Cycle(true, false, update.Domains[update.Position + step], fraction),
            OperationKind.Simultaneous => new Cycle(true, true, 0, fraction),
            _ => default,
        };
    }

    private static (int Step, double Fraction) Progress(ActiveOperation op, DateTimeOffset now)
    {
        long elapsed = Math.Max(0, (now - op.StartedAt).Ticks);
        long stepTicks = Math.Max(1, op.StepDuration.Ticks);
        int step = (int)Math.Min(op.Steps - 1, elapsed / stepTicks);
        double fraction = Math.Min(1.0, (elapsed - (step * stepTicks)) / (double)stepTicks);
        return (step, fraction);
    }

    private static string Status(DeploymentState deployment, ActiveOperation? op, DateTimeOffset now)
    {
        switch (op?.Kind)
        {
            case OperationKind.Create:
                return deployment.Started && Progress(op, now).Fraction >= 0.5 ? "Starting" : "Deploying";
            case OperationKind.Delete:
                return "Deleting";
            case OperationKind.WalkDomains:
            case OperationKind.Simultaneous:
                return deployment.Started ? "RunningTransitioning" : "SuspendedTransitioning";
            default:
                return deployment.Started ? "Running" : "Suspended";
        }
    }

    private static UpgradeStatusView? UpgradeStatus(UpdateState? update, Cycle cycle)
    {
        if (update is null)
        {
            return null;
        }

        if (cycle.Active)
        {
            return new UpgradeStatusView(update.Mode, "During", cycle.Domain);
        }

        int domain = update.Position < update.Domains.Count ? update.Domains[update.Position] : 0;
        return new UpgradeStatusView(update.Mode, "Before", domain);
    }

    private static List<RoleInstanceView> Instances(DeploymentState deployment, Cycle cycle, ActiveOperation? op, DateTimeOffset now, int domainLimit)
    {
        var instances = new List<RoleInstanceView>();
        int ordinal = 0;
        string? onlyRole = deployment.Update?.RoleToUpgrade;
        foreach (RoleSpec role in deployment.Current.Roles)
        {
            for (int i = 0; i < role.InstanceCount; i++, ordinal++)
            {
                int domain = i % domainLimit;
                (string instanceStatus, string power) = InstanceState(deployment, op, now, cycle, domain, onlyRole is null || onlyRole == role.Name);
                instances.Add(new RoleInstanceView(
                    role.Name, role.Name + "_IN_" + i.ToString(CultureInfo.InvariantCulture), instanceStatus, domain, i % 2, "Small",
                    null, null, "10.0.0." + (4 + (ordinal % 250)).ToString(CultureInfo.InvariantCulture), power,
                    "RD" + deployment.PrivateId.Substring(0, 12).ToUpperInvariant() + ordinal.ToString("X2", CultureInfo.InvariantCulture)));
            }
        }

        return instances;
    }

    private static (string Status, string Power) InstanceState(
        DeploymentState deployment, ActiveOperation? op, DateTimeOffset now, Cycle cycle, int domain, bool roleCycles)
    {
        if (op?.Kind == OperationKind.Create)
        {
            if (!deployment.Started)
            {
                return ("CreatingRole", "Stopped");
            }

            return Progress(op, now).Fraction < 0.5 ? ("CreatingRole", "Starting") : ("StartingRole", "Starting");
        }

        if (!deployment.Started)
        {
            return ("StoppedVM", "Stopped");
        }

        if (op?.Kind == OperationKind.Delete)
        {
            return ("StoppingRole", "Stopping");
        }

        if (cycle.Active && roleCycles && (cycle.AllDomains || cycle.Domain == domain))
        {
            // A walked domain's instances stop, are busy being updated, then start again.
            return cycle.Fraction < 1.0 / 3 ? ("StoppingRole", "Stopping")
                : cycle.Fraction < 2.0 / 3 ? ("BusyRole", "Started")
                : ("StartingRole", "Starting");
        }

        return ("ReadyRole", "Started");
    }
}
