using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.RegularExpressions;
using ClassicDeploy.Tests.Infrastructure;

namespace ClassicDeploy.Tests.UserExperience;

/// <summary>
/// A runspace on a <see cref="TextHost"/> with the built module imported: what a user sees in a
/// console (format views through Out-Default, help, tab completion), not just the objects.
/// </summary>
public sealed class ConsoleSession : IDisposable
{
    private static readonly Regex Ansi = new Regex("\x1b\\[[0-9;]*m");

    private ConsoleSession(Runspace runspace, TextHost host, ScriptResult import)
    {
        Runspace = runspace;
        Host = host;
        Import = import;
    }

    public Runspace Runspace { get; }

    public TextHost Host { get; }

    /// <summary>What Import-Module reported (format file errors would show here).</summary>
    public ScriptResult Import { get; }

    public static ConsoleSession Open()
    {
        var host = new TextHost();
        Runspace runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
        runspace.Open();
        ScriptResult import = Run(runspace,
            $"$PSStyle.OutputRendering = 'PlainText'; Import-Module '{PowerShellSession.Quote(TestRepository.ModuleManifest)}'",
            PowerShellSession.DefaultTimeout);
        return new ConsoleSession(runspace, host, import);
    }

    /// <summary>Connect-ClassicDeploy to <paramref name="endpoint"/> with a new subscription.</summary>
    public ConsoleSession Connect(Uri endpoint)
    {
        Run($"Connect-ClassicDeploy -SubscriptionId '{Guid.NewGuid()}' -Endpoint '{endpoint}'").ShouldSucceed();
        return this;
    }

    public ScriptResult Run(string script, TimeSpan? timeout = null) => Run(Runspace, script, timeout ?? PowerShellSession.DefaultTimeout);

    /// <summary>Runs <paramref name="script"/> piped to Out-Default and returns what it printed.</summary>
    public string Show(string script)
    {
        int start = Host.Text.Length;
        Run("& { " + script + " } | Out-Default").ShouldSucceed();
        return Ansi.Replace(Host.Text.Substring(start), string.Empty);
    }

    public void SetVariable(string name, object? value) => Runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>The completion texts TabExpansion2 offers with the cursor at the end of <paramref name="input"/>.</summary>
    public string[] Complete(string input)
    {
        SetVariable("__input", input);
        ScriptResult result = Run("(TabExpansion2 -inputScript $__input -cursorColumn $__input.Length).CompletionMatches");
        result.ShouldSucceed();
        return result.Output.Select(o => ((CompletionResult)o.BaseObject).CompletionText).ToArray();
    }

    public void Dispose() => Runspace.Dispose();

    private static ScriptResult Run(Runspace runspace, string script, TimeSpan timeout)
    {
        PowerShell ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        using var running = new RunningScript(ps);
        return running.Finish(timeout);
    }
}
