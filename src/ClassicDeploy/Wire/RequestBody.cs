using ClassicDeploy.Models;

namespace ClassicDeploy.Wire;

/// <summary>
/// A request validated and written once: a workflow makes it before it asks ShouldProcess (so
/// bad input fails before any question or request), and the client sends it as it is, without
/// validating or parsing the configuration again.
/// </summary>
internal sealed class RequestBody
{
    private RequestBody(string xml) => Xml = xml;

    public string Xml { get; }

    public static RequestBody Of(UpgradeDeploymentRequest request) => new RequestBody(request.ToXml());

    public static RequestBody Of(ChangeConfigurationRequest request) => new RequestBody(request.ToXml());

    public static RequestBody Of(CreateDeploymentRequest request) => new RequestBody(request.ToXml());

    public static RequestBody Of(CreateHostedServiceRequest request) => new RequestBody(request.ToXml());

    public static RequestBody Of(WalkUpgradeDomainRequest request) => new RequestBody(request.ToXml());

    public static RequestBody Of(RollbackUpdateOrUpgradeRequest request) => new RequestBody(request.ToXml());

    public static RequestBody Of(SwapDeploymentRequest request) => new RequestBody(request.ToXml());
}
