using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace ClassicDeploy.Shell;

/// <summary>The PSHost of ClassicDeploy.Shell.</summary>
public sealed class ShellHost : PSHost
{
    private readonly ShellHostUserInterface ui;

    public ShellHost(ConsoleSink sink) => ui = new ShellHostUserInterface(sink);

    public override string Name => "ClassicDeploy.Shell";

    public override Version Version { get; } = typeof(ShellHost).Assembly.GetName().Version ?? new Version(0, 1);

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override PSHostUserInterface UI => ui;

    public ShellHostUserInterface ShellUI => ui;

    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    /// <summary>Set by <c>exit N</c> typed at the prompt (SetShouldExit).</summary>
    public int? ExitCode { get; private set; }

    public override void SetShouldExit(int exitCode) => ExitCode = exitCode;

    public override void EnterNestedPrompt() =>
        throw new NotSupportedException("ClassicDeploy.Shell has no nested prompts.");

    public override void ExitNestedPrompt() =>
        throw new NotSupportedException("ClassicDeploy.Shell has no nested prompts.");

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }
}
