using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Models;

namespace ClassicDeploy.Completion;

/// <summary>Completes -ServiceName with the hosted services of the connected subscription.</summary>
public sealed class ServiceNameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        ClassicDeployContext? context = CompletionHelper.Context(fakeBoundParameters);
        if (context == null)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        IReadOnlyList<NameEntry> names = CompletionCache.Shared.Get(context, "services", FetchAsync);
        return CompletionHelper.Complete(names, wordToComplete).ToList();
    }

    internal static async Task<IReadOnlyList<NameEntry>> FetchAsync(ClassicDeployContext context, CancellationToken ct)
    {
        IReadOnlyList<CloudService> services = await context.Client.ListHostedServicesAsync(ct).ConfigureAwait(false);
        return services.Select(s => new NameEntry(s.ServiceName, ToolTip(s))).ToList();
    }

    private static string ToolTip(CloudService service)
    {
        string where = service.Location ?? service.AffinityGroup ?? "no location";
        return $"{service.ServiceName} ({where}){(string.IsNullOrEmpty(service.Label) ? string.Empty : ": " + service.Label)}";
    }
}
