using System;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.State;
using ClassicDeploy.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace ClassicDeploy.Emulator.Http;

/// <summary>What one request asks for, once the pipeline has authenticated it and checked its version.</summary>
internal sealed record ManagementRequest(HttpContext Context, string SubscriptionId, string Version, string RequestId, byte[] Body);

/// <summary>
/// Every operation of docs/PROTOCOL.md's table: parse the body, call the engine, write the answer. The engine
/// returns views; the XML is rendered here, outside the engine's lock.
/// </summary>
internal sealed class ManagementEndpoints
{
    private readonly ManagementEngine _engine;

    public ManagementEndpoints(ManagementEngine engine) => _engine = engine;

    public Task HandleAsync(ManagementRequest r, ManagementRoute route)
    {
        var e = _engine;
        var sub = r.SubscriptionId;
        var service = route.ServiceName!;
        var target = route.Deployment!;
        switch (route.Operation)
        {
            case ManagementOperation.ListHostedServices:
                return XmlResponse.WriteAsync(r.Context, 200, ResponseWriters.HostedServices(e.ListHostedServices(sub), name => ServiceUrl(r, name), r.Version));
            case ManagementOperation.CreateHostedService:
                e.CreateHostedService(sub, RequestParsers.CreateHostedService(r.Body, r.Version), r.RequestId);
                return Status(r, 201);
            case ManagementOperation.GetHostedService:
                var embed = string.Equals(r.Context.Request.Query["embed-detail"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
                var found = e.GetHostedService(sub, service);
                return XmlResponse.WriteAsync(r.Context, 200, ResponseWriters.HostedService(found, ServiceUrl(r, found.ServiceName), embed, r.Version));
            case ManagementOperation.DeleteHostedService:
                e.DeleteHostedService(sub, service, r.RequestId);
                return Status(r, 200);
            case ManagementOperation.SwapDeployment:
                e.SwapDeployment(sub, service, RequestParsers.Swap(r.Body), r.RequestId);
                return Status(r, 202);
            case ManagementOperation.CreateDeployment:
                e.CreateDeployment(sub, service, target.Slot!.Value, RequestParsers.CreateDeployment(r.Body, r.Version), r.RequestId);
                return Status(r, 202);
            case ManagementOperation.GetDeployment:
                return XmlResponse.WriteAsync(r.Context, 200, ResponseWriters.Deployment(e.GetDeployment(sub, service, target), r.Version));
            case ManagementOperation.DeleteDeployment:
                e.DeleteDeployment(sub, service, target, r.RequestId);
                return Status(r, 202);
            case ManagementOperation.UpgradeDeployment:
                e.UpgradeDeployment(sub, service, target, RequestParsers.UpgradeDeployment(r.Body, r.Version), r.RequestId);
                return Status(r, 202);
            case ManagementOperation.WalkUpgradeDomain:
                e.WalkUpgradeDomain(sub, service, target, RequestParsers.WalkUpgradeDomain(r.Body), r.RequestId);
                return Status(r, 202);
            case ManagementOperation.ChangeConfiguration:
                e.ChangeConfiguration(sub, service, target, RequestParsers.ChangeConfiguration(r.Body, r.Version), r.RequestId);
                return Status(r, 202);
            case ManagementOperation.RollbackUpdateOrUpgrade:
                e.RollbackUpdateOrUpgrade(sub, service, target, RequestParsers.Rollback(r.Body, r.Version), r.RequestId);
                return Status(r, 202);
            case ManagementOperation.GetOperationStatus:
                return XmlResponse.WriteAsync(r.Context, 200, ResponseWriters.Operation(e.GetOperation(sub, route.OperationId!)));
            case ManagementOperation.ListSubscriptionOperations:
                var page = e.ListSubscriptionOperations(sub, RequestParsers.SubscriptionOperationQuery(r.Context.Request.Query));
                return XmlResponse.WriteAsync(r.Context, 200, ResponseWriters.SubscriptionOperations(page));
            default:
                throw new InvalidOperationException("No endpoint for " + route.Operation + ".");
        }
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
}
