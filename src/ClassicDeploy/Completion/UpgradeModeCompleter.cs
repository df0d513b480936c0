using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ClassicDeploy.Completion;

/// <summary>
/// Completes -Mode with Auto, Manual and Simultaneous; for Set-DeploymentConfiguration and
/// Undo-DeploymentUpgrade, whose API takes only Auto or Manual, without Simultaneous.
/// </summary>
public sealed class UpgradeModeCompleter : IArgumentCompleter
{
    private static readonly NameEntry[] Modes =
    {
        new NameEntry("Auto", "Auto: the service walks the upgrade domains in turn by itself"),
        new NameEntry("Manual", "Manual: walk each upgrade domain with Step-UpgradeDomain"),
        new NameEntry("Simultaneous", "Simultaneous: every upgrade domain at once (the service is down meanwhile)"),
    };

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        bool autoOrManualOnly = commandName != null && (commandName.EndsWith("Set-DeploymentConfiguration", StringComparison.OrdinalIgnoreCase)
            || commandName.EndsWith("Undo-DeploymentUpgrade", StringComparison.OrdinalIgnoreCase));
        IEnumerable<NameEntry> modes = autoOrManualOnly ? Modes.Where(m => m.Name != "Simultaneous") : Modes;
        return CompletionHelper.Complete(modes, wordToComplete).ToList();
    }
}
