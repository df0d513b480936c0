using System;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.State;
using ClassicDeploy.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace ClassicDeploy.Emulator.Http;

/// <summary>What one request asks for, once the pipeline has authenticated it and checked its version.</summary>
internal sealed record ManagementRequest(HttpContext Context, string SubscriptionId, string Version, string RequestId, byte[] Body);

/// <summary>Every endpoint of PROTOCOL.md's table: parse the body, call the engine, write the answer.</summary>
internal sealed class ManagementEndpoints
{
    private readonly ManagementEngine engine;

    public ManagementEndpoints(ManagementEngine engine) => this.engine = engine;

    public Task HandleAsync(ManagementRequest request, ManagementRoute route)
    {
        var method = request.Context.Request.Method;
        return route.Kind switch
        {
            RouteKind.HostedServices => this.HostedServicesAsync(request, method),
            RouteKind.HostedService => this.HostedServiceAsync(request, route.ServiceName!, method),
            RouteKind.Deployment => this.DeploymentAsync(request, route.ServiceName!, route.Deployment!, method),
            RouteKind.Operations => this.OperationsAsync(request, method),
            _ => this.OperationAsync(request, route.OperationId!, method),
        };
    }

    private Task HostedServicesAsync(ManagementRequest r, string method)
    {
        if (HttpMethods.IsGet(method))
        {
            var services = this.engine.ListHostedServices(r.SubscriptionId);
            return XmlResponse.WriteAsync(r.Context, 200, ResponseWriters.HostedServices(services, name => ServiceUrl(r, name)));
        }

        if (HttpMethods.IsPost(method))
        {
            var command = RequestParsers.CreateHostedService(r.Body, r.Version);
            this.engine.CreateHostedService(r.SubscriptionId, command);
            return Status(r, 201);
        }

        throw MethodNotAllowed(method);
    }

    private Task HostedServiceAsync(ManagementRequest r, string serviceName, string method)
    {
        if (HttpMethods.IsGet(method))
        {
            var embed = string.Equals(r.Context.Request.Query["embed-detail"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
            var service = this.engine.GetHostedService(r.SubscriptionId, serviceName);
            return XmlResponse.WriteAsync(r.Context, 200, ResponseWriters.HostedService(service, ServiceUrl(r, service.ServiceName), embed));
        }

        if (HttpMethods.IsDelete(method))
        {
            this.engine.DeleteHostedService(r.SubscriptionId, serviceName);
            return Status(r, 200);
        }

        if (HttpMethods.IsPost(method))
        {
            var command = RequestParsers.Swap(r.Body);
            this.engine.SwapDeployment(r.SubscriptionId, serviceName, command, r.RequestId);
            return Status(r, 202);
        }

        throw MethodNotAllowed(method);
    }

    private Task DeploymentAsync(ManagementRequest r, string serviceName, DeploymentRef target, string method)
    {
        if (HttpMethods.IsGet(method))
        {
            var deployment = this.engine.GetDeployment(r.SubscriptionId, serviceName, target);
            return XmlResponse.WriteAsync(r.Context, 200, ResponseWriters.Deployment(deployment));
        }

        if (HttpMethods.IsDelete(method))
        {
            this.engine.DeleteDeployment(r.SubscriptionId, serviceName, target, r.RequestId);
            return Status(r, 202);
        }

        if (!HttpMethods.IsPost(method))
        {
            throw MethodNotAllowed(method);
        }

        var comp = r.Context.Request.Query["comp"].ToString();
        switch (comp.ToLowerInvariant())
        {
            case "" when target.Slot is DeploymentSlotName slot:
                this.engine.CreateDeployment(r.SubscriptionId, serviceName, slot, RequestParsers.CreateDeployment(r.Body, r.Version), r.RequestId);
                break;
            case "":
                throw WireException.BadRequest("A deployment is created in a slot: POST to …/deploymentslots/<slot>.");
            case "upgrade":
                this.engine.UpgradeDeployment(r.SubscriptionId, serviceName, target, RequestParsers.UpgradeDeployment(r.Body, r.Version), r.RequestId);
                break;
            case "walkupgradedomain":
                this.engine.WalkUpgradeDomain(r.SubscriptionId, serviceName, target, RequestParsers.WalkUpgradeDomain(r.Body), r.RequestId);
                break;
            case "config":
                this.engine.ChangeConfiguration(r.SubscriptionId, serviceName, target, RequestParsers.ChangeConfiguration(r.Body, r.Version), r.RequestId);
                break;
            case "rollback":
                this.engine.RollbackUpdateOrUpgrade(r.SubscriptionId, serviceName, target, RequestParsers.Rollback(r.Body, r.Version), r.RequestId);
                break;
            default:
                throw WireException.BadRequest($"The value of comp is not valid: '{comp}'.");
        }

        return Status(r, 202);
    }

    private Task OperationAsync(ManagementRequest r, string operationId, string method)
    {
        if (!HttpMethods.IsGet(method))
        {
            throw MethodNotAllowed(method);
        }

        var operation = this.engine.GetOperation(r.SubscriptionId, operationId);
        return XmlResponse.WriteAsync(r.Context, 200, ResponseWriters.Operation(operation));
    }

    private Task OperationsAsync(ManagementRequest r, string method)
    {
        if (!HttpMethods.IsGet(method))
        {
            throw MethodNotAllowed(method);
        }

        var query = RequestParsers.SubscriptionOperationQuery(r.Context.Request.Query);
        var page = this.engine.ListSubscriptionOperations(r.SubscriptionId, query);
        return XmlResponse.WriteAsync(r.Context, 200, ResponseWriters.SubscriptionOperations(page));
    }

    private static Task Status(ManagementRequest r, int statusCode)
    {
        r.Context.Response.StatusCode = statusCode;
        r.Context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    private static string ServiceUrl(ManagementRequest r, string serviceName)
    {
        var request = r.Context.Request;
        return $"{request.Scheme}://{request.Host}/{Uri.EscapeDataString(r.SubscriptionId)}/services/hostedservices/{Uri.EscapeDataString(serviceName)}";
    }

    private static WireException MethodNotAllowed(string method) =>
        new(405, "MethodNotAllowed", $"The method {method} is not allowed on this resource.");
}
