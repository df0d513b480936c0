using System;
using System.Text;
using ClassicDeploy.Emulator.State;
using ClassicDeploy.Emulator.Wire;

namespace ClassicDeploy.Emulator.Http;

/// <summary>The Service Management operations the emulator serves, one per row of <see cref="ManagementRoute"/>'s table.</summary>
internal enum ManagementOperation
{
    ListHostedServices,
    CreateHostedService,
    GetHostedService,
    DeleteHostedService,
    SwapDeployment,
    CreateDeployment,
    GetDeployment,
    DeleteDeployment,
    UpgradeDeployment,
    WalkUpgradeDomain,
    ChangeConfiguration,
    RollbackUpdateOrUpgrade,
    GetOperationStatus,
    ListSubscriptionOperations,
}

/// <summary>
/// What a request asks for: the operation (from path, method and <c>comp</c> together) and the names in its path.
/// Paths match like the real service: fixed segments and slots in any letter case, an optional trailing slash
/// (so <c>…/production/?comp=upgrade</c> and <c>…/production?comp=upgrade</c> are the same). A path that names
/// nothing is 404, a name outside the API's character set 400, a method the resource does not take 405, and a
/// <c>comp</c> the method does not take (or one that is missing) 400.
/// </summary>
internal sealed record ManagementRoute(ManagementOperation Operation, string? ServiceName, DeploymentRef? Deployment, string? OperationId)
{
    private static readonly Route[] Table =
    {
        new(Resource.HostedServices, "GET", null, ManagementOperation.ListHostedServices),
        new(Resource.HostedServices, "POST", null, ManagementOperation.CreateHostedService),
        new(Resource.HostedService, "GET", null, ManagementOperation.GetHostedService),
        new(Resource.HostedService, "DELETE", null, ManagementOperation.DeleteHostedService),
        new(Resource.HostedService, "POST", null, ManagementOperation.SwapDeployment),
        new(Resource.DeploymentSlot, "POST", null, ManagementOperation.CreateDeployment),
        new(Resource.Deployment, "GET", null, ManagementOperation.GetDeployment),
        new(Resource.Deployment, "DELETE", null, ManagementOperation.DeleteDeployment),
        new(Resource.Deployment, "POST", "upgrade", ManagementOperation.UpgradeDeployment),
        new(Resource.Deployment, "POST", "walkupgradedomain", ManagementOperation.WalkUpgradeDomain),
        new(Resource.Deployment, "POST", "config", ManagementOperation.ChangeConfiguration),
        new(Resource.Deployment, "POST", "rollback", ManagementOperation.RollbackUpdateOrUpgrade),
        new(Resource.Operation, "GET", null, ManagementOperation.GetOperationStatus),
        new(Resource.Operations, "GET", null, ManagementOperation.ListSubscriptionOperations),
    };

    /// <summary>What a path names; a deployment by slot is also a <see cref="Resource.Deployment"/>.</summary>
    private enum Resource
    {
        HostedServices,
        HostedService,
        DeploymentSlot,
        Deployment,
        Operation,
        Operations,
    }

    /// <summary>The subscription id (first segment) of <paramref name="path"/>, or null.</summary>
    public static string? SubscriptionOf(string path)
    {
        var segments = Split(path);
        return segments.Length > 0 ? segments[0] : null;
    }

    /// <summary>The operation <paramref name="method"/> on <paramref name="path"/> with <paramref name="comp"/> (empty: none) asks for.</summary>
    public static ManagementRoute Match(string path, string method, string comp)
    {
        var (resource, route) = Parse(path);
        var methodAllowed = false;
        foreach (var row in Table)
        {
            if (!Fits(row.Resource, resource) || !Is(method, row.Method))
            {
                continue;
            }

            methodAllowed = true;
            if (Is(comp, row.Comp ?? string.Empty))
            {
                return route with { Operation = row.Operation };
            }
        }

        if (!methodAllowed)
        {
            throw Errors.MethodNotAllowed(method);
        }

        if (comp.Length == 0 && resource == Resource.Deployment && route.Deployment!.Name is not null)
        {
            throw Errors.BadRequest("A deployment is created in a slot: POST to …/deploymentslots/<slot>.");
        }

        throw Errors.BadRequest(comp.Length == 0
            ? $"The {method} request on this resource needs a comp parameter."
            : $"The value of comp is not valid for {method} on this resource: '{comp}'.");
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

        throw Errors.NotFound($"The deployment slot '{text}' does not exist; use production or staging.");
    }

    private static (Resource Resource, ManagementRoute Route) Parse(string path)
    {
        var s = Split(path);
        if (s.Length > 0 && !Names.IsSubscriptionId(s[0]))
        {
            throw Errors.BadRequest($"The subscription id '{s[0]}' is not valid: use letters, digits and hyphens.");
        }

        if (s.Length == 2 && Is(s[1], "operations"))
        {
            return (Resource.Operations, new ManagementRoute(default, null, null, null));
        }

        if (s.Length == 3 && Is(s[1], "operations"))
        {
            return (Resource.Operation, new ManagementRoute(default, null, null, Name(s[2], Names.IsOperationId, "operation request id")));
        }

        if (s.Length < 3 || !Is(s[1], "services") || !Is(s[2], "hostedservices"))
        {
            throw NotFound();
        }

        if (s.Length == 3)
        {
            return (Resource.HostedServices, new ManagementRoute(default, null, null, null));
        }

        var service = Name(s[3], Names.IsServiceName, "hosted service name");
        if (s.Length == 4)
        {
            return (Resource.HostedService, new ManagementRoute(default, service, null, null));
        }

        if (s.Length == 6 && Is(s[4], "deploymentslots"))
        {
            return (Resource.DeploymentSlot, new ManagementRoute(default, service, new DeploymentRef(ParseSlot(s[5]), null), null));
        }

        if (s.Length == 6 && Is(s[4], "deployments"))
        {
            var deployment = Name(s[5], Names.IsDeploymentName, "deployment name");
            return (Resource.Deployment, new ManagementRoute(default, service, new DeploymentRef(null, deployment), null));
        }

        throw NotFound();
    }

    /// <summary>A deployment addressed by slot takes every deployment operation, and also Create Deployment.</summary>
    private static bool Fits(Resource row, Resource actual) =>
        row == actual || (row == Resource.Deployment && actual == Resource.DeploymentSlot);

    private static string Name(string segment, Func<string, bool> valid, string what) =>
        valid(segment) ? segment : throw Errors.BadRequest($"The {what} '{segment}' is not valid.");

    private static EmulatorException NotFound() => Errors.NotFound(Errors.ResourceNotFoundMessage);

    /// <summary>ASCII letters in any case, nothing else: no culture or Unicode case folding (U+017F is no 's').</summary>
    private static bool Is(string text, string literal) => Ascii.EqualsIgnoreCase(text, literal);

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private sealed record Route(Resource Resource, string Method, string? Comp, ManagementOperation Operation);
}
