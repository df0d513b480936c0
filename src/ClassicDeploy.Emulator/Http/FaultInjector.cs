using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace ClassicDeploy.Emulator.Http;

/// <summary>Decides, from a seeded sequence, which requests get which fault.</summary>
internal sealed class FaultInjector
{
    private static readonly FaultKind[] AllKinds =
        { FaultKind.ServiceUnavailable, FaultKind.InternalError, FaultKind.ConnectionReset, FaultKind.Latency };

    private readonly FaultInjectionOptions? options;
    private readonly Random random;
    private readonly IReadOnlyList<FaultKind> kinds;
    private readonly object gate = new();

    public FaultInjector(FaultInjectionOptions? options)
    {
        this.options = options;
        this.random = new Random(options?.Seed ?? 0);
        this.kinds = options is { Kinds.Count: > 0 } ? new List<FaultKind>(options.Kinds) : AllKinds;
    }

    public FaultInjectionOptions? Options => this.options;

    /// <summary>The fault for this request, or null. Only matching requests consume the sequence.</summary>
    public FaultKind? Next(HttpRequest request)
    {
        var o = this.options;
        if (o is null || o.Rate <= 0 || (o.Methods.Count > 0 && !o.Methods.Contains(request.Method)))
        {
            return null;
        }

        var eligible = o.KindMethods.Count == 0 ? this.kinds : this.kinds.Where(k => Allows(o, k, request.Method)).ToList();
        if (eligible.Count == 0)
        {
            return null;
        }

        lock (this.gate)
        {
            if (this.random.NextDouble() >= o.Rate)
            {
                return null;
            }

            return eligible[this.random.Next(eligible.Count)];
        }
    }

    private static bool Allows(FaultInjectionOptions options, FaultKind kind, string method) =>
        !options.KindMethods.TryGetValue(kind, out var methods) || methods.Count == 0
        || methods.Any(m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase));
}
