using System;
using System.Collections.Generic;

namespace ClassicDeploy.Client;

/// <summary>
/// When an Auto update walks upgrade domains one after another, Get Deployment's CurrentUpgradeDomain
/// becomes k at s + k·P for an offset -P/2 ≤ s ≤ P (the accept time, or a domain that shows
/// itself current while the previous one's instances start) and a period P. Each look narrows the feasible
/// (s, P): seeing domain k between sending at t1 and receiving at t2 means s + k·P ≤ t2 and
/// t1 &lt; s + (k+1)·P. <see cref="StartOf"/> gives the earliest and latest time domain j can
/// begin. Times are seconds since the update was accepted. Looks that contradict the model (an
/// update that is not periodic) are forgotten oldest first until the rest agree.
/// </summary>
internal sealed class DomainForecast
{
    private const double MinPeriod = 1e-3;
    private const double Unbounded = 1e6;

    private readonly List<(double Sent, double Received, int Domain)> _looks = new List<(double Sent, double Received, int Domain)>();

    /// <summary>The number of looks the forecast rests on.</summary>
    public int Looks => _looks.Count;

    /// <summary>Records that domain <paramref name="domain"/> was current between <paramref name="sent"/> and <paramref name="received"/>.</summary>
    public void Observe(double sent, double received, int domain)
    {
        _looks.Add((sent, received, domain));
        while (_looks.Count > 1 && Solve(0) is null)
        {
            _looks.RemoveAt(0);
        }
    }

    /// <summary>Forgets every look (the update started over).</summary>
    public void Clear() => _looks.Clear();

    /// <summary>Earliest and latest start of domain <paramref name="domain"/> (latest is +∞ while unbounded); null without looks.</summary>
    public (double Earliest, double Latest)? StartOf(int domain) => _looks.Count == 0 ? null : Solve(domain);

    /// <summary>Min and max of s + j·P over the feasible polygon, by enumerating its vertices.</summary>
    private (double Earliest, double Latest)? Solve(int j)
    {
        // Each constraint is a·s + b·P ≤ c.
        var constraints = new List<(double A, double B, double C)>
        {
            (1, -1, 0),           // s ≤ P
            (-1, -0.5, 0),        // -s ≤ P/2
            (0, -1, -MinPeriod),  // P ≥ MinPeriod
            (0, 1, Unbounded),    // P ≤ Unbounded (bounds the polygon; a latest start near it means unbounded)
        };
        // Per domain only the tightest two bounds matter: the earliest answer that showed it, the latest request that still did.
        var bounds = new SortedDictionary<int, (double Received, double Sent)>();
        foreach ((double sent, double received, int domain) in _looks)
        {
            bounds[domain] = bounds.TryGetValue(domain, out var b) ? (Math.Min(b.Received, received), Math.Max(b.Sent, sent)) : (received, sent);
        }

        foreach (KeyValuePair<int, (double Received, double Sent)> bound in bounds)
        {
            if (bound.Key >= 1)
            {
                constraints.Add((1, bound.Key, bound.Value.Received));
            }

            constraints.Add((-1, -(bound.Key + 1), -bound.Value.Sent));
        }

        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        for (int p = 0; p < constraints.Count; p++)
        {
            for (int q = p + 1; q < constraints.Count; q++)
            {
                (double a1, double b1, double c1) = constraints[p];
                (double a2, double b2, double c2) = constraints[q];
                double det = (a1 * b2) - (a2 * b1);
                if (Math.Abs(det) < 1e-12)
                {
                    continue;
                }

                double s = ((c1 * b2) - (c2 * b1)) / det;
                double period = ((a1 * c2) - (a2 * c1)) / det;
                if (!Feasible(constraints, s, period))
                {
                    continue;
                }

                double value = s + (j * period);
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }

        if (double.IsPositiveInfinity(min))
        {
            return null;
        }

        return (min, max >= Unbounded / 10 ? double.PositiveInfinity : max);
    }

    private static bool Feasible(List<(double A, double B, double C)> constraints, double s, double period)
    {
        foreach ((double a, double b, double c) in constraints)
        {
            if ((a * s) + (b * period) > c + (1e-9 * Math.Max(1, Math.Abs(c))))
            {
                return false;
            }
        }

        return true;
    }
}
