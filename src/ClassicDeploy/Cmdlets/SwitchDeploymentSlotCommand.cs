using System;
using System.Linq;
using System.Management.Automation;
using ClassicDeploy.Completion;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Switch-DeploymentSlot: Swap Deployment. Reads the service's deployments and names the current
/// production and staging deployments itself; staging moves into an empty production too.
/// </summary>
[Cmdlet(VerbsCommon.Switch, "DeploymentSlot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(DeploymentOperation))]
public sealed class SwitchDeploymentSlotCommand : ClassicDeployCmdlet
{
    /// <summary>The cloud service whose slots to swap.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string ServiceName { get; set; } = string.Empty;

    /// <summary>Wait for the operation to finish.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long -Wait waits at most.</summary>
    [Parameter]
    [Seconds]
    public TimeSpan? Timeout { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        string service = ServiceName;
        bool wait = Wait;
        TimeSpan? timeout = Timeout;
        Run(
            async ct =>
            {
                ValidateServiceName(service);
                CloudService detail = await Client.GetHostedServiceAsync(service, true, ct).ConfigureAwait(false);
                Deployment? staging = detail.Deployments.FirstOrDefault(d => d.Slot == DeploymentSlot.Staging);
                Deployment? production = detail.Deployments.FirstOrDefault(d => d.Slot == DeploymentSlot.Production);
                if (staging is null)
                {
                    throw new ClassicDeployException("NoStagingDeployment", ErrorCategory.ObjectNotFound,
                        $"Cloud service {service} has no deployment in the staging slot, so there is nothing to swap.");
                }

                string what = production is null
                    ? $"Move staging deployment {staging.DeploymentName} into the empty production slot"
                    : $"Swap production {production.DeploymentName} with staging {staging.DeploymentName}";
                if (!await ShouldProcessAsync(service, what).ConfigureAwait(false))
                {
                    return;
                }

                var request = new SwapDeploymentRequest { Production = production?.DeploymentName, SourceDeployment = staging.DeploymentName };
                DateTime start = DateTime.UtcNow;
                AcceptedOperation accepted = await Client.SwapDeploymentAsync(service, request, ct).ConfigureAwait(false);
                DeploymentOperation operation = Accepted(accepted, "Swap Deployment", service, null, staging.DeploymentName, start);
                await CompleteAsync(operation, wait, timeout, null, ct).ConfigureAwait(false);
            },
            service);
    }
}
