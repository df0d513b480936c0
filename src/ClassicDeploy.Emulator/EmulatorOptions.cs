using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;

namespace ClassicDeploy.Emulator;

/// <summary>How an <see cref="EmulatorHost"/> listens, stores state, keeps time and misbehaves.</summary>
public sealed class EmulatorOptions
{
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 picks a free port; <see cref="EmulatorHost.BaseAddress"/> carries the real one.</summary>
    public int Port { get; set; }

    /// <summary>Durable SQLite store in this directory (ignored when <see cref="InMemory"/> is set).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Throwaway store; also used when no <see cref="DataDirectory"/> is given.</summary>
    public bool InMemory { get; set; }

    public int UpgradeDomainCount { get; set; } = 5;

    public TimeSpan UpgradeDomainDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The Locked window of accepting an update or a walk; null: a quarter of an upgrade domain.</summary>
    public TimeSpan? AcceptDuration { get; set; }

    /// <summary>From an instance's update to ReadyRole; null: half an upgrade domain.</summary>
    public TimeSpan? InstanceStartDuration { get; set; }

    /// <summary>Role-instance start timeout: an Auto update walks on after it even if instances are not ready; null: ten upgrade domains.</summary>
    public TimeSpan? StartTimeout { get; set; }

    /// <summary>Healthy, Crash, Invalid or Slow by package URL wildcard; the first match wins, no match is Healthy.</summary>
    public IList<ClassicDeploy.Emulator.State.PackageBehaviorRule> PackageBehaviors { get; } = new List<ClassicDeploy.Emulator.State.PackageBehaviorRule>();

    /// <summary>Operations per page of List Subscription Operations.</summary>
    public int OperationPageSize { get; set; } = 100;

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public FaultInjectionOptions? Faults { get; set; }

    /// <summary>Set: HTTPS, and every request must present a registered management certificate.</summary>
    public X509Certificate2? ServerCertificate { get; set; }

    /// <summary>Subscription id to SHA1 thumbprints (upper-case hex) of its management certificates.</summary>
    public IDictionary<string, ISet<string>> ManagementCertificates { get; } =
        new Dictionary<string, ISet<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Requests kept for <see cref="EmulatorHost.Requests"/> (the newest; older ones are dropped); 0 keeps none.</summary>
    public int RequestLogCapacity { get; set; } = RequestLog.DefaultCapacity;

    /// <summary>One line per request (method, path, status, request id, elapsed); null = silent.</summary>
    public Action<string>? Log { get; set; }
}
