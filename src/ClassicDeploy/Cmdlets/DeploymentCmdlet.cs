using System.Management.Automation;
using ClassicDeploy.Client;
using ClassicDeploy.Completion;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// A cmdlet aimed at one deployment: by slot (-ServiceName, -Slot) or by name (-ServiceName,
/// -DeploymentName), everything bindable by property name from Get-Deployment output.
/// <para>
/// Slot and name are deliberately not two parameter sets: PowerShell latches a piped object onto
/// the default set as soon as the shared ServiceName binds, so an object with only ServiceName and
/// Slot (a CSV row, a hashtable cast to an object) could never bind by slot. Instead each item
/// chooses: a parameter typed on the command line wins (so <c>Get-CloudService | Get-Deployment
/// -Slot Staging</c> means staging even for objects that carry a name), then a piped name, then a
/// piped slot. A piped Deployment has both and binds by name, so after a swap moved it to the
/// other slot it is still the same deployment.
/// </para>
/// </summary>
public abstract class DeploymentCmdlet : ClassicDeployCmdlet
{
    private bool _slotTyped;
    private bool _nameTyped;

    /// <summary>The cloud service (hosted service) name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string ServiceName { get; set; } = string.Empty;

    /// <summary>The deployment slot: Production or Staging.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SlotCompleter))]
    public DeploymentSlot? Slot { get; set; }

    /// <summary>The deployment's name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(DeploymentNameCompleter))]
    public string? DeploymentName { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _slotTyped = MyInvocation.BoundParameters.ContainsKey(nameof(Slot));
        _nameTyped = MyInvocation.BoundParameters.ContainsKey(nameof(DeploymentName));
        if (_slotTyped && _nameTyped)
        {
            ThrowTerminatingError(ErrorRecords.From(
                new RequestValidationException("Give either -Slot or -DeploymentName, not both: a deployment is addressed by one of them.", nameof(Slot)),
                null));
        }
    }

    /// <summary>
    /// The deployment this pipeline item is about. Neither slot nor name leaves both unset, which
    /// <see cref="Operations.TargetRules.Deployment(DeploymentTarget)"/> refuses before any request.
    /// </summary>
    protected DeploymentTarget Target
    {
        get
        {
            bool byName = _nameTyped || (!_slotTyped && !string.IsNullOrEmpty(DeploymentName));
            return byName
                ? DeploymentTarget.ByName(ServiceName, DeploymentName ?? string.Empty)
                : new DeploymentTarget { ServiceName = ServiceName, Slot = Slot };
        }
    }
}
