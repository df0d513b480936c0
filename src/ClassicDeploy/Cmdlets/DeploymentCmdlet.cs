using System.Management.Automation;
using ClassicDeploy.Completion;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// A cmdlet aimed at one deployment: by slot (-ServiceName, -Slot) or by name (-ServiceName,
/// -DeploymentName), everything bindable by property name from Get-Deployment output. The
/// by-name set is the default, so a piped Deployment (which has Slot and DeploymentName) binds
/// by name: a swap can move a deployment to the other slot, its name stays.
/// </summary>
public abstract class DeploymentCmdlet : ClassicDeployCmdlet
{
    /// <summary>Parameter set: the deployment in a slot.</summary>
    protected const string BySlot = "BySlot";

    /// <summary>Parameter set: the deployment with a name.</summary>
    protected const string ByName = "ByName";

    /// <summary>The cloud service (hosted service) name.</summary>
    [Parameter(ParameterSetName = BySlot, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string ServiceName { get; set; } = string.Empty;

    /// <summary>The deployment slot: Production or Staging.</summary>
    [Parameter(ParameterSetName = BySlot, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public DeploymentSlot Slot { get; set; }

    /// <summary>The deployment's name.</summary>
    [Parameter(ParameterSetName = ByName, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(DeploymentNameCompleter))]
    public string DeploymentName { get; set; } = string.Empty;

    /// <summary>The deployment this pipeline item is about.</summary>
    protected DeploymentTarget Target =>
        ParameterSetName == BySlot ? DeploymentTarget.BySlot(ServiceName, Slot) : DeploymentTarget.ByName(ServiceName, DeploymentName);
}
