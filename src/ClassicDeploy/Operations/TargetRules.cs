using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Operations;

/// <summary>Refuses service and deployment names the API cannot take, before any request (InvalidParameter naming the parameter).</summary>
internal static class TargetRules
{
    /// <summary>A deployment needs a valid service name and a slot or a valid deployment name.</summary>
    public static void Deployment(DeploymentTarget target)
    {
        ServiceName(target.ServiceName);
        if (target.DeploymentName == null && target.Slot == null)
        {
            throw new RequestValidationException(
                $"Say which deployment of {target.ServiceName}: give -Slot (Production or Staging) or -DeploymentName, or pipe an object with a Slot or DeploymentName property.",
                "Slot");
        }

        if (target.DeploymentName != null)
        {
            RequestRules.Name(target.DeploymentName, "DeploymentName");
        }
    }

    public static void ServiceName(string serviceName) => RequestRules.Name(serviceName, "ServiceName");
}
