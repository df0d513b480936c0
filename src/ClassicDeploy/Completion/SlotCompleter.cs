using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ClassicDeploy.Completion;

/// <summary>Completes -Slot with Production and Staging.</summary>
public sealed class SlotCompleter : IArgumentCompleter
{
    private static readonly NameEntry[] Slots =
    {
        new NameEntry("Production", "Production: the slot behind the service's public address"),
        new NameEntry("Staging", "Staging: the slot behind the deployment's private address; swap it into production with Switch-DeploymentSlot"),
    };

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionHelper.Complete(Slots, wordToComplete).ToList();
}
