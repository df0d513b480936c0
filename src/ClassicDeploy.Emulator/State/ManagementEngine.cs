using System;
using System.Collections.Generic;
using System.Linq;
using ClassicDeploy.Emulator.Store;

namespace ClassicDeploy.Emulator.State;

/// <summary>
/// The emulator's deployment state machine. Time comes only from the injected clock: every call first
/// applies everything due at clock.GetUtcNow() (lazy advance), so no timers run inside. One lock guards
/// all state; a call that changes state commits the changed documents to the store in one transaction,
/// and a failed commit puts memory back to what the store holds. Reads copy their state under the lock
/// and build their views (every role instance) outside it.
/// The engine owns the store and disposes it.
/// </summary>
public sealed partial class ManagementEngine : IDisposable
{
    private readonly object _gate = new();
    private readonly IStateStore _store;
    private readonly TimeProvider _clock;
    private readonly int _domainLimit;
    private readonly TimeSpan _domainDuration;
    private readonly int _operationPageSize;
    private readonly TimeSpan _acceptDuration;
    private readonly TimeSpan _instanceStart;
    private readonly TimeSpan _startTimeout;
    private readonly PackageBehaviors _behaviors;
    private readonly Dictionary<string, ServiceState> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OperationRecord> _operations = new(StringComparer.Ordinal);
    private DateTimeOffset _nextDue = DateTimeOffset.MaxValue;
    private long _operationSequence;
    private bool _disposed;

    public ManagementEngine(IStateStore store, TimeProvider clock, EngineOptions options)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _domainLimit = Math.Max(1, options.UpgradeDomainCount);
        _domainDuration = options.UpgradeDomainDuration > TimeSpan.Zero ? options.UpgradeDomainDuration : TimeSpan.FromTicks(1);
        _operationPageSize = Math.Max(1, options.OperationPageSize);
        _acceptDuration = Positive(options.AcceptDuration, _domainDuration.Ticks / 4);
        _instanceStart = Positive(options.InstanceStartDuration, _domainDuration.Ticks / 2);
        _startTimeout = Positive(options.StartTimeout, _domainDuration.Ticks * 10);
        _behaviors = new PackageBehaviors(options.PackageBehaviors);
        Load();
    }

    /// <summary>Swap Deployment takes a tenth of a domain duration.</summary>
    private TimeSpan ShortDuration => TimeSpan.FromTicks(Math.Max(1, _domainDuration.Ticks / 10));

    private static TimeSpan Positive(TimeSpan? configured, long defaultTicks) =>
        configured is { } value && value > TimeSpan.Zero ? value : TimeSpan.FromTicks(Math.Max(1, defaultTicks));

    public IReadOnlyList<HostedServiceView> ListHostedServices(string subscriptionId)
    {
        DateTimeOffset now;
        List<ServiceState> services;
        lock (_gate)
        {
            now = AdvanceLocked();
            services = _services.Values
                .Where(s => SameId(s.SubscriptionId, subscriptionId))
                .OrderBy(s => s.ServiceName, StringComparer.OrdinalIgnoreCase)
                .Select(Snapshot)
                .ToList();
        }

        return services.Select(s => Projection.Service(s, now)).ToList();
    }

    public HostedServiceView GetHostedService(string subscriptionId, string serviceName)
    {
        DateTimeOffset now;
        ServiceState service;
        lock (_gate)
        {
            now = AdvanceLocked();
            service = Snapshot(FindService(subscriptionId, serviceName));
        }

        return Projection.Service(service, now);
    }

    public DeploymentView GetDeployment(string subscriptionId, string serviceName, DeploymentRef target)
    {
        DateTimeOffset now;
        ServiceState service;
        lock (_gate)
        {
            now = AdvanceLocked();
            service = FindService(subscriptionId, serviceName);
            FindDeployment(service, target);
            service = Snapshot(service);
        }

        return Projection.Deployment(service, FindDeployment(service, target), now);
    }

    /// <summary>Applies everything due at clock.GetUtcNow(); the host may call it on a timer.</summary>
    public void Advance()
    {
        lock (_gate)
        {
            AdvanceLocked();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _store.Dispose();
        }
    }

    private DeploymentProjection Projection => new(_domainLimit, _instanceStart, _behaviors);

    /// <summary>Names compare ordinally ignoring ASCII case only: no Unicode folding (the Kelvin sign is no k).</summary>
    private static string Key(string subscriptionId, string name) =>
        AsciiLower(subscriptionId) + "/" + AsciiLower(name);

    private static bool SameId(string a, string b) => System.Text.Ascii.EqualsIgnoreCase(a, b) || string.Equals(a, b, StringComparison.Ordinal);

    private static string AsciiLower(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                span[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
        });

    private ServiceState FindService(string subscriptionId, string serviceName)
    {
        ThrowIfDisposed();
        return _services.TryGetValue(Key(subscriptionId, serviceName), out ServiceState? service)
            ? service
            : throw Errors.ServiceNotFound();
    }

    private static DeploymentState FindDeployment(ServiceState service, DeploymentRef target)
    {
        DeploymentState? found = target.Slot is DeploymentSlotName slot
            ? service.Deployments.FirstOrDefault(d => d.Slot == slot)
            : service.Deployments.FirstOrDefault(d => string.Equals(d.Name, target.Name, StringComparison.Ordinal));
        return found ?? throw Errors.DeploymentNotFound();
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(ManagementEngine));
        }
    }
}
