using System;
using System.Collections.Concurrent;
using System.Management.Automation;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// The cmdlet base's confirmation: ShouldProcess on the pipeline thread, -Force, a host that cannot ask,
/// and whether the question is shown at all (so a workflow reads nothing only to word it).
/// </summary>
public abstract partial class ClassicDeployCmdlet
{
    /// <summary>
    /// ShouldProcess, asked on the pipeline thread (so -Confirm can prompt). A host that
    /// cannot prompt (pwsh -NonInteractive, a runbook, a hosted runspace without UI) stops the command with
    /// ConfirmationRequired, which says how to go ahead without a prompt, before any request is sent.
    /// </summary>
    private protected bool ShouldProcessOrExplain(string target, string action)
    {
        if (SkipsConfirmation && !WhatIfRequested)
        {
            // -Force: PowerShell's convention (Remove-Item, the Az cmdlets) is to go ahead without asking.
            WriteVerbose($"-Force: {action}: {target}");
            return true;
        }

        try
        {
            return ShouldProcess(target, action);
        }
        catch (Exception exception) when (exception is PSInvalidOperationException || exception is System.Management.Automation.Host.HostException
            || (exception is NullReferenceException && Host?.UI is null))
        {
            string message = $"{MyInvocation.MyCommand.Name} asks for confirmation before it goes on ({action}: {target}), and this host cannot ask " +
                $"({exception.Message}). To go ahead without a prompt, pass {ConfirmationSwitches}.";
            throw new ClassicDeployTerminatingException(new ErrorRecord(
                new ClassicDeployException("ConfirmationRequired", ErrorCategory.InvalidOperation, message, exception),
                ErrorRecords.Prefix + "ConfirmationRequired",
                ErrorCategory.InvalidOperation,
                target));
        }
    }

    /// <summary>What a message about a refused confirmation tells the user to pass.</summary>
    protected virtual string ConfirmationSwitches => "-Confirm:$false";

    /// <summary>True when the cmdlet's -Force was given: ShouldProcess is not asked (unless -WhatIf).</summary>
    private protected virtual bool SkipsConfirmation => false;

    /// <summary>
    /// Whether ShouldProcess would prompt: -Confirm, else the cmdlet's ConfirmImpact at or above
    /// $ConfirmPreference (not with -Force). Asked only of a cmdlet that supports ShouldProcess.
    /// </summary>
    private bool WillPrompt()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Confirm", out object? confirm) && confirm is SwitchParameter asked)
        {
            return asked.IsPresent;
        }

        if (SkipsConfirmation)
        {
            return false;
        }

        object? preference = Preference("ConfirmPreference");
        ConfirmImpact threshold = preference is ConfirmImpact impact ? impact
            : LanguagePrimitives.TryConvertTo(preference, out ConfirmImpact converted) ? converted
            : ConfirmImpact.High;
        return threshold != ConfirmImpact.None && Declaration!.ConfirmImpact >= threshold;
    }

    /// <summary>Whether this cmdlet asks ShouldProcess at all (SupportsShouldProcess); a read cmdlet pays no preference lookups.</summary>
    private bool AsksToProcess => Declaration?.SupportsShouldProcess == true;

    private CmdletAttribute? Declaration =>
        Declarations.GetOrAdd(GetType(), type => (CmdletAttribute?)Attribute.GetCustomAttribute(type, typeof(CmdletAttribute)));

    /// <summary>Each cmdlet class's [Cmdlet] declaration, read once per class.</summary>
    private static readonly ConcurrentDictionary<Type, CmdletAttribute?> Declarations =
        new ConcurrentDictionary<Type, CmdletAttribute?>();

    private bool WhatIfRequested =>
        (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? whatIf) && whatIf is SwitchParameter on && on.IsPresent)
        || LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
}
