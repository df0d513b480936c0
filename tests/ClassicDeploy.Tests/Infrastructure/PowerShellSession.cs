using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ClassicDeploy.Tests.Infrastructure;

/// <summary>
/// A hosted runspace (InitialSessionState.CreateDefault2(), so only Microsoft.PowerShell.Core
/// cmdlets besides ours) with the built module imported. Runs script text as a user types it and
/// returns every stream. Each run is bounded by a timeout, so a hang fails the test, not the suite.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    /// <summary>How long a script may run before the session stops it and fails the test.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Runspace _runspace;

    private PowerShellSession(Runspace runspace) => _runspace = runspace;

    /// <summary>The subscription of the last Connect, or null.</summary>
    public string? SubscriptionId { get; private set; }

    /// <summary>The runspace, for tests that need more than script text.</summary>
    public Runspace Runspace => _runspace;

    /// <summary>Opens a runspace and imports out/ClassicDeploy/ClassicDeploy.psd1.</summary>
    public static PowerShellSession Open()
    {
        Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        var session = new PowerShellSession(runspace);
        try
        {
            session.Run($"Import-Module '{Quote(TestRepository.ModuleManifest)}' -ErrorAction Stop").ShouldSucceed();
        }
        catch
        {
            session.Dispose();
            throw;
        }

        return session;
    }

    /// <summary>Opens a session connected to <paramref name="endpoint"/> for <paramref name="subscriptionId"/>.</summary>
    public static PowerShellSession Open(Uri endpoint, string subscriptionId)
    {
        PowerShellSession session = Open();
        try
        {
            return session.Connect(endpoint, subscriptionId);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Connect-ClassicDeploy -SubscriptionId … -Endpoint … (no certificate: the emulator).</summary>
    public PowerShellSession Connect(Uri endpoint, string subscriptionId)
    {
        Run($"Connect-ClassicDeploy -SubscriptionId '{Quote(subscriptionId)}' -Endpoint '{Quote(endpoint.ToString())}' -ErrorAction Stop").ShouldSucceed();
        SubscriptionId = subscriptionId;
        return this;
    }

    /// <summary>Sets a variable the next scripts can use ($name).</summary>
    public PowerShellSession SetVariable(string name, object? value)
    {
        _runspace.SessionStateProxy.SetVariable(name, value);
        return this;
    }

    /// <summary>A variable's value, unwrapped.</summary>
    public object? GetVariable(string name)
    {
        object? value = _runspace.SessionStateProxy.GetVariable(name);
        return value is PSObject wrapped ? wrapped.BaseObject : value;
    }

    /// <summary>Runs <paramref name="script"/> to its end and returns its streams; stops it and fails after <paramref name="timeout"/>.</summary>
    public ScriptResult Run(string script, TimeSpan? timeout = null)
    {
        using RunningScript running = Start(script);
        return running.Finish(timeout ?? DefaultTimeout);
    }

    /// <summary>Runs a script that must raise no error and returns its output.</summary>
    public IReadOnlyList<PSObject> Expect(string script, TimeSpan? timeout = null) => Run(script, timeout).ShouldSucceed().Output;

    /// <summary>Starts <paramref name="script"/> without waiting (for cancellation and live-stream tests).</summary>
    public RunningScript Start(string script)
    {
        PowerShell ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        return new RunningScript(ps);
    }

    /// <summary>Escapes text for a single-quoted PowerShell string.</summary>
    public static string Quote(string text) => text.Replace("'", "''");

    public void Dispose() => _runspace.Dispose();
}
