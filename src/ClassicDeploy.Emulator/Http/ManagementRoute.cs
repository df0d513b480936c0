using System;
using ClassicDeploy.Emulator.State;
using ClassicDeploy.Emulator.Wire;

namespace ClassicDeploy.Emulator.Http;

internal enum RouteKind
{
    HostedServices,
    HostedService,
    Deployment,
    Operation,
    Operations,
}

/// <summary>
/// A request path relative to the subscription, matched like the real service: fixed segments and
/// slots in any letter case, an optional trailing slash (so <c>…/production/?comp=upgrade</c> and
/// <c>…/production?comp=upgrade</c> are the same).
/// </summary>
internal sealed record ManagementRoute(RouteKind Kind, string? ServiceName, DeploymentRef? Deployment, string? OperationId)
{
    /// <summary>The subscription id (first segment) of <paramref name="path"/>, or null.</summary>
    public static string? SubscriptionOf(string path)
    {
        var segments = Split(path);
        return segments.Length > 0 ? segments[0] : null;
    }

    /// <summary>The route of <paramref name="path"/>; 404 ResourceNotFound when nothing matches.</summary>
    public static ManagementRoute Match(string path)
    {
        var s = Split(path);
        if (s.Length == 2 && Is(s[1], "operations"))
        {
            return new ManagementRoute(RouteKind.Operations, null, null, null);
        }

        if (s.Length == 3 && Is(s[1], "operations"))
        {
            return new ManagementRoute(RouteKind.Operation, null, null, s[2]);
        }

        if (s.Length < 3 || !Is(s[1], "services") || !Is(s[2], "hostedservices"))
        {
            throw NotFound();
        }

        if (s.Length == 3)
        {
            return new ManagementRoute(RouteKind.HostedServices, null, null, null);
        }

        if (s.Length == 4)
        {
            return new ManagementRoute(RouteKind.HostedService, s[3], null, null);
        }

        if (s.Length == 6 && Is(s[4], "deploymentslots"))
        {
            return new ManagementRoute(RouteKind.Deployment, s[3], new DeploymentRef(ParseSlot(s[5]), null), null);
        }

        if (s.Length == 6 && Is(s[4], "deployments"))
        {
            return new ManagementRoute(RouteKind.Deployment, s[3], new DeploymentRef(null, s[5]), null);
        }

        throw NotFound();
    }

    public static DeploymentSlotName ParseSlot(string text)
    {
        if (Is(text, "production"))
        {
            return DeploymentSlotName.Production;
        }

        if (Is(text, "staging"))
        {
            return DeploymentSlotName.Staging;
        }

        throw WireException.NotFound($"The deployment slot '{text}' does not exist; use production or staging.");
    }

    private static WireException NotFound() => WireException.NotFound("The requested resource does not exist.");

    private static bool Is(string segment, string literal) => string.Equals(segment, literal, StringComparison.OrdinalIgnoreCase);

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
