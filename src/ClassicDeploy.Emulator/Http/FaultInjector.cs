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

    private readonly FaultInjectionOptions? _options;
    private readonly Random _random;
    private readonly IReadOnlyList<FaultKind> _kinds;
    private readonly object _gate = new();

    public FaultInjector(FaultInjectionOptions? options)
    {
        _options = options;
        _random = new Random(options?.Seed ?? 0);
        _kinds = options is { Kinds.Count: > 0 } ? new List<FaultKind>(options.Kinds) : AllKinds;
    }

    public FaultInjectionOptions? Options => _options;

    /// <summary>The fault for this request, or null. Only matching requests consume the sequence.</summary>
    public FaultKind? Next(HttpRequest request)
    {
        var o = _options;
        if (o is null || o.Rate <= 0 || (o.Methods.Count > 0 && !o.Methods.Contains(request.Method)))
        {
            return null;
        }

        var eligible = o.KindMethods.Count == 0 ? _kinds : _kinds.Where(k => Allows(o, k, request.Method)).ToList();
        if (eligible.Count == 0)
        {
            return null;
        }

        lock (_gate)
        {
            if (_random.NextDouble() >= o.Rate)
            {
                return null;
            }

            return eligible[_random.Next(eligible.Count)];
        }
    }

    private static bool Allows(FaultInjectionOptions options, FaultKind kind, string method) =>
        !options.KindMethods.TryGetValue(kind, out var methods) || methods.Count == 0
        || methods.Any(m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase));
}
