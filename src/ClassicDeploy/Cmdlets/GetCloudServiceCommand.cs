using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ClassicDeploy.Completion;
using ClassicDeploy.Models;
using ClassicDeploy.Operations;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Get-CloudService: every hosted service of the subscription, or the named ones (List/Get Hosted
/// Service). A name with wildcards filters the list; a pattern that matches nothing is no error.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CloudService")]
[OutputType(typeof(CloudService))]
public sealed class GetCloudServiceCommand : ClassicDeployCmdlet
{
    /// <summary>The cloud service to get, or a wildcard pattern; all of them when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string? ServiceName { get; set; }

    /// <summary>Also read each service's deployments (embed-detail).</summary>
    [Parameter]
    public SwitchParameter IncludeDeployments { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        string? name = ServiceName;
        bool detail = IncludeDeployments;
        Run(
            async ct =>
            {
                if (name is null || WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WildcardPattern? pattern = name is null ? null : new WildcardPattern(name, WildcardOptions.IgnoreCase);
                    IReadOnlyList<CloudService> services = await Client.ListHostedServicesAsync(ct).ConfigureAwait(false);
                    foreach (CloudService service in services.Where(s => pattern is null || pattern.IsMatch(s.ServiceName)))
                    {
                        Emit(detail ? await Client.GetHostedServiceAsync(service.ServiceName, true, ct).ConfigureAwait(false) : service);
                    }
                }
                else
                {
                    TargetRules.ServiceName(name);
                    Emit(await Client.GetHostedServiceAsync(name, detail, ct).ConfigureAwait(false));
                }
            },
            name);
    }
}
