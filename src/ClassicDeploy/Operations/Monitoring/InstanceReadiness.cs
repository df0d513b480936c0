using System;
using System.Collections.Generic;
using System.Linq;
using ClassicDeploy.Models;

namespace ClassicDeploy.Operations.Monitoring;

/// <summary>
/// What a fresh Get Deployment says about the walked domains' instances: how many of one domain's
/// are ReadyRole, and whether the share of the walked domains' instances that are not stays within
/// MaxUnhealthyInstancePercent (the built-in check).
/// </summary>
internal readonly struct InstanceReadiness
{
    private InstanceReadiness(int domainReady, int domainTotal, int walkedNotReady, int walkedTotal, int maxPercent, string walked)
    {
        DomainReady = domainReady;
        DomainTotal = domainTotal;
        WalkedNotReady = walkedNotReady;
        WalkedTotal = walkedTotal;
        MaxPercent = maxPercent;
        WalkedText = walked;
    }

    public int DomainReady { get; }

    public int DomainTotal { get; }

    public int WalkedNotReady { get; }

    public int WalkedTotal { get; }

    private int MaxPercent { get; }

    private string WalkedText { get; }

    /// <summary>True when the walked domains' non-ready share is within the limit (0 %: every instance ready).</summary>
    public bool WithinLimit => (long)WalkedNotReady * 100 <= (long)MaxPercent * WalkedTotal;

    /// <summary>Null when <see cref="WithinLimit"/>; otherwise the reason, naming the counts and the limit.</summary>
    public string? Failure => WithinLimit
        ? null
        : $"{WalkedNotReady} of {WalkedTotal} instances in upgrade domain{WalkedText} are not ReadyRole ({Percent(WalkedNotReady, WalkedTotal)} %, more than MaxUnhealthyInstancePercent {MaxPercent} %)";

    /// <summary>Reads <paramref name="deployment"/> for <paramref name="domain"/>, the walked domains being <paramref name="walked"/>.</summary>
    public static InstanceReadiness Of(Deployment deployment, int domain, IReadOnlyCollection<int> walked, int maxPercent)
    {
        RoleInstance[] instances = deployment.RoleInstances ?? Array.Empty<RoleInstance>();
        int domainTotal = instances.Count(i => i.InstanceUpgradeDomain == domain);
        int domainReady = instances.Count(i => i.InstanceUpgradeDomain == domain && IsReady(i));
        RoleInstance[] inWalked = instances.Where(i => walked.Contains(i.InstanceUpgradeDomain)).ToArray();
        int notReady = inWalked.Count(i => !IsReady(i));
        return new InstanceReadiness(domainReady, domainTotal, notReady, inWalked.Length, maxPercent, Domains(walked));
    }

    private static bool IsReady(RoleInstance instance) => string.Equals(instance.InstanceStatus, "ReadyRole", StringComparison.Ordinal);

    private static string Percent(int part, int whole) => whole == 0 ? "0" : (part * 100 / whole).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Domains(IReadOnlyCollection<int> walked)
    {
        int[] sorted = walked.OrderBy(d => d).ToArray();
        if (sorted.Length == 1)
        {
            return " " + sorted[0];
        }

        bool contiguous = sorted.Length > 0 && sorted[sorted.Length - 1] - sorted[0] == sorted.Length - 1;
        return contiguous ? $"s {sorted[0]}-{sorted[sorted.Length - 1]}" : "s " + string.Join(", ", sorted);
    }
}
