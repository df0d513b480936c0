using System;
using System.Collections.Generic;

namespace ClassicDeploy.Emulator;

public enum FaultKind
{
    ServiceUnavailable,
    InternalError,
    ConnectionReset,
    Latency,
}

/// <summary>Deterministic faults injected before a request reaches the state machine.</summary>
public sealed class FaultInjectionOptions
{
    /// <summary>Share (0..1) of matching requests that get a fault.</summary>
    public double Rate { get; set; }

    /// <summary>Seed of the random sequence, so a run can be repeated.</summary>
    public int Seed { get; set; }

    /// <summary>Faults to pick from, uniformly; empty = every kind.</summary>
    public IList<FaultKind> Kinds { get; } = new List<FaultKind>();

    /// <summary>HTTP methods that can be faulted; empty = all methods.</summary>
    public ISet<string> Methods { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Narrows a kind to these HTTP methods (within <see cref="Methods"/>); a kind not listed here applies to every
    /// matching method. E.g. 503 for all methods but 500, reset and latency for GET only, since those would make a
    /// mutation ambiguous to the client.
    /// </summary>
    public IDictionary<FaultKind, ISet<string>> KindMethods { get; } = new Dictionary<FaultKind, ISet<string>>();

    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(200);

    public int RetryAfterSeconds { get; set; } = 1;
}
