using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Models;

namespace ClassicDeploy.Completion;

/// <summary>Completes -DeploymentName with the deployments of the service named by -ServiceName.</summary>
public sealed class DeploymentNameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        ClassicDeployContext? context = CompletionHelper.Context(fakeBoundParameters);
        string? serviceName = CompletionHelper.Bound(fakeBoundParameters, "ServiceName") as string;
        if (context == null || string.IsNullOrEmpty(serviceName))
        {
            return Enumerable.Empty<CompletionResult>();
        }

        IReadOnlyList<NameEntry> names = CompletionCache.Shared.Get(context, "deployments:" + serviceName, (c, ct) => FetchAsync(c, serviceName!, ct));
        return CompletionHelper.Complete(names, wordToComplete).ToList();
    }

    internal static async Task<IReadOnlyList<NameEntry>> FetchAsync(ClassicDeployContext context, string serviceName, CancellationToken ct)
    {
        CloudService service = await context.Client.GetHostedServiceAsync(serviceName, true, ct).ConfigureAwait(false);
        return service.Deployments
            .Select(d => new NameEntry(d.DeploymentName, $"{d.DeploymentName} ({d.Slot}, {d.Status})"))
            .ToList();
    }
}
