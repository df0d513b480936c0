using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ClassicDeploy.Emulator.State;

/// <summary>Turns stored state plus "now" into the immutable views callers see.</summary>
internal sealed class DeploymentProjection
{
    public const string SdkVersion = "2.9.8.8";

    private readonly int _domainLimit;
    private readonly TimeSpan _instanceStart;
    private readonly PackageBehaviors _behaviors;

    public DeploymentProjection(int domainLimit, TimeSpan instanceStart, PackageBehaviors behaviors)
    {
        _domainLimit = domainLimit;
        _instanceStart = instanceStart;
        _behaviors = behaviors;
    }

    public HostedServiceView Service(ServiceState service, DateTimeOffset now) => new(
        service.ServiceName, service.Label, service.Description, service.Location, service.AffinityGroup, "Created",
        service.DateCreated, service.DateLastModified, service.ExtendedProperties.ToList(),
        service.Deployments.OrderBy(d => d.Slot).Select(d => Deployment(service, d, now)).ToList());

    public DeploymentView Deployment(ServiceState service, DeploymentState deployment, DateTimeOffset now)
    {
        ActiveOperation? op = deployment.Operation;
        UpdateState? update = deployment.Update;
        int domainCount = deployment.DomainCount > 0 ? deployment.DomainCount : DomainCount(deployment.Current.Roles, _domainLimit);
        string url = deployment.Slot == DeploymentSlotName.Production
            ? "http://" + service.ServiceName + ".cloudapp.net/"
            : "http://" + deployment.PrivateId + ".cloudapp.net/";
        bool locked = op is not null || (deployment.Lock is { } held && now < held.Until);
        return new DeploymentView(
            deployment.Name, deployment.Slot, deployment.PrivateId, Status(deployment, op, now),
            deployment.Current.Label, url, deployment.Current.Configuration, Instances(deployment, op, now, domainCount), UpgradeStatus(update),
            update?.DomainCount ?? domainCount, deployment.Current.Roles.Select(r => new RoleView(r.Name, r.OsVersion)).ToList(), SdkVersion,
            Locked: locked, RollbackAllowed: update is not null && !update.IsRollback,
            deployment.CreatedTime, deployment.LastModifiedTime, deployment.Current.ExtendedProperties.ToList(),
            deployment.Current.PackageUrl)
        {
            VirtualIp = VirtualIp(service, deployment.Slot),
        };
    }

    /// <summary>
    /// A new deployment's upgrade domain count: min(limit, largest role instance count), at least 1,
    /// so that every domain holds at least one instance. It stays for the deployment's life; instance i
    /// of a role lives in domain i mod this count.
    /// </summary>
    public static int DomainCount(IReadOnlyList<RoleSpec> roles, int limit) =>
        Math.Max(1, Math.Min(limit, roles.Count == 0 ? 1 : roles.Max(r => r.InstanceCount)));

    /// <summary>One stable address per slot of a hosted service: a VIP swap leaves it with the slot.</summary>
    public static VirtualIpView VirtualIp(ServiceState service, DeploymentSlotName slot)
    {
        uint hash = 2166136261;
        foreach (char c in service.ServiceName.ToLowerInvariant() + "/" + slot)
        {
            hash = (hash ^ c) * 16777619;
        }

        string address = "137." + (116 + (hash % 8)).ToString(CultureInfo.InvariantCulture) + "."
            + ((hash >> 8) % 256).ToString(CultureInfo.InvariantCulture) + "." + (1 + ((hash >> 16) % 254)).ToString(CultureInfo.InvariantCulture);
        return new VirtualIpView(address, true, service.ServiceName + (slot == DeploymentSlotName.Production ? "ContractContract" : "StagingContractContract"));
    }

    private static (int Step, double Fraction) Progress(DateTimeOffset start, TimeSpan duration, DateTimeOffset now)
    {
        long elapsed = Math.Max(0, (now - start).Ticks);
        long ticks = Math.Max(1, duration.Ticks);
        return ((int)Math.Min(int.MaxValue, elapsed / ticks), Math.Min(1.0, elapsed / (double)ticks));
    }

    private static string Status(DeploymentState deployment, ActiveOperation? op, DateTimeOffset now)
    {
        switch (op?.Kind)
        {
            case OperationKind.Create:
                return deployment.Started && Progress(op.StartedAt, op.StepDuration, now).Fraction >= 0.5 ? "Starting" : "Deploying";
            case OperationKind.Delete:
                return "Deleting";
        }

        if (deployment.Update is { Step: UpdateStep.Walking or UpdateStep.Settling })
        {
            return deployment.Started ? "RunningTransitioning" : "SuspendedTransitioning";
        }

        return deployment.Started ? "Running" : "Suspended";
    }

    private static UpgradeStatusView? UpgradeStatus(UpdateState? update)
    {
        if (update is null)
        {
            return null;
        }

        int domain = update.Position < update.Domains.Count ? update.Domains[update.Position] : 0;
        if (update.Step == UpdateStep.Walking)
        {
            return new UpgradeStatusView(update.Mode, "During", update.Mode == UpgradeMode.Simultaneous ? 0 : domain);
        }

        return new UpgradeStatusView(update.Mode, "Before", domain);
    }

    private List<RoleInstanceView> Instances(DeploymentState deployment, ActiveOperation? op, DateTimeOffset now, int domainCount)
    {
        var instances = new List<RoleInstanceView>();
        int ordinal = 0;
        UpdateState? update = deployment.Update;
        HashSet<int> walking = update is { Step: UpdateStep.Walking }
            ? (update.Mode == UpgradeMode.Simultaneous ? update.Domains : update.Domains.Skip(update.Position).Take(1)).ToHashSet()
            : new HashSet<int>();
        var starts = new Dictionary<(string Role, int Domain), InstanceStart>();
        foreach (InstanceStart start in deployment.Starts)
        {
            starts[(start.Role, start.Domain)] = start;
        }

        foreach (RoleSpec role in deployment.Current.Roles)
        {
            for (int i = 0; i < role.InstanceCount; i++, ordinal++)
            {
                int domain = i % domainCount;
                bool beingUpdated = walking.Contains(domain) && (update!.RoleToUpgrade is null || update.RoleToUpgrade == role.Name);
                (string instanceStatus, string power) = InstanceState(deployment, op, now, starts.GetValueOrDefault((role.Name, domain)), beingUpdated);
                instances.Add(new RoleInstanceView(
                    role.Name, role.Name + "_IN_" + i.ToString(CultureInfo.InvariantCulture), instanceStatus, domain, i % 2, "Small",
                    null, null, "10.0.0." + (4 + (ordinal % 250)).ToString(CultureInfo.InvariantCulture), power,
                    "RD" + deployment.PrivateId.Substring(0, 12).ToUpperInvariant() + ordinal.ToString("X2", CultureInfo.InvariantCulture)));
            }
        }

        return instances;
    }

    private (string Status, string Power) InstanceState(DeploymentState deployment, ActiveOperation? op, DateTimeOffset now, InstanceStart? start, bool beingUpdated)
    {
        if (op?.Kind == OperationKind.Create)
        {
            return deployment.Started ? ("CreatingRole", "Starting") : ("CreatingRole", "Stopped");
        }

        if (!deployment.Started)
        {
            return ("StoppedVM", "Stopped");
        }

        if (op?.Kind == OperationKind.Delete)
        {
            return ("StoppingRole", "Stopping");
        }

        if (beingUpdated)
        {
            // A walked domain's instances stop and are updated; they start once the change is applied.
            UpdateState update = deployment.Update!;
            return Progress(update.StepStartedAt, update.StepEndsAt - update.StepStartedAt, now).Fraction < 0.5
                ? ("StoppingRole", "Stopping")
                : ("StoppedVM", "Stopped");
        }

        return start is null ? ("ReadyRole", "Started") : Starting(start, now);
    }

    /// <summary>
    /// After an update or creation the instances start: RoleStateUnknown, StartingRole, BusyRole, then
    /// ReadyRole after the instance start time (ten times it for Slow). Crash never gets there: it
    /// cycles through BusyRole, RestartingRole and UnresponsiveRole.
    /// </summary>
    private (string Status, string Power) Starting(InstanceStart start, DateTimeOffset now)
    {
        PackageBehavior behavior = _behaviors.Of(start.PackageUrl);
        TimeSpan startTime = behavior == PackageBehavior.Slow ? TimeSpan.FromTicks(_instanceStart.Ticks * 10) : _instanceStart;
        long elapsed = Math.Max(0, (now - start.At).Ticks);
        long total = Math.Max(3, startTime.Ticks);
        long phase = elapsed >= total ? 3 + ((elapsed - total) / (total / 3)) : elapsed * 3 / total;
        if (behavior == PackageBehavior.Crash)
        {
            return phase == 0 ? ("RoleStateUnknown", "Starting") : ((phase - 1) % 3) switch
            {
                0 => ("BusyRole", "Started"),
                1 => ("RestartingRole", "Starting"),
                _ => ("UnresponsiveRole", "Started"),
            };
        }

        return phase switch
        {
            0 => ("RoleStateUnknown", "Starting"),
            1 => ("StartingRole", "Starting"),
            2 => ("BusyRole", "Started"),
            _ => ("ReadyRole", "Started"),
        };
    }
}
