using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ClassicDeploy.Tests.Reliability;

/// <summary>The result of one script: what it emitted and every error it raised, terminating or not.</summary>
internal sealed record ScriptResult(IReadOnlyList<PSObject> Output, IReadOnlyList<ErrorRecord> Errors)
{
    public string ErrorText => string.Join(Environment.NewLine, Errors.Select(e => e.FullyQualifiedErrorId + ": " + e.Exception?.Message));
}

/// <summary>
/// A hosted runspace with the built module imported and connected to one endpoint, running script text
/// the way a user types it. Every run is bounded by a timeout so a hang fails the test instead of the suite.
/// </summary>
internal sealed class ModuleSession : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Runspace runspace;

    private ModuleSession(Runspace runspace) => this.runspace = runspace;

    public static ModuleSession Open(Uri endpoint, string subscriptionId)
    {
        Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        var session = new ModuleSession(runspace);
        ScriptResult setup = session.Run(
            $"Import-Module '{RepoPaths.ModuleManifest}' -ErrorAction Stop; " +
            $"Connect-ClassicDeploy -SubscriptionId '{subscriptionId}' -Endpoint '{endpoint}' -ErrorAction Stop");
        if (setup.Errors.Count > 0)
        {
            session.Dispose();
            throw new InvalidOperationException("Could not import and connect the module: " + setup.ErrorText);
        }

        return session;
    }

    public ScriptResult Run(string script, TimeSpan? timeout = null)
    {
        (PowerShell ps, IAsyncResult pending) = Begin(script);
        using (ps)
        {
            return End(ps, pending, timeout ?? DefaultTimeout);
        }
    }

    /// <summary>Starts a script in this runspace without waiting; finish it with <see cref="End"/>.</summary>
    public (PowerShell Pipeline, IAsyncResult Pending) Begin(string script)
    {
        PowerShell ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        return (ps, ps.BeginInvoke());
    }

    public static ScriptResult End(PowerShell ps, IAsyncResult pending, TimeSpan timeout)
    {
        if (!pending.AsyncWaitHandle.WaitOne(timeout))
        {
            ps.Stop();
            throw new TimeoutException($"The script did not finish within {timeout.TotalSeconds} s: {ps.Commands.Commands.FirstOrDefault()?.CommandText}");
        }

        var errors = new List<ErrorRecord>();
        var output = new List<PSObject>();
        try
        {
            output.AddRange(ps.EndInvoke(pending));
        }
        catch (RuntimeException ex)
        {
            errors.Add(ex.ErrorRecord);
        }

        errors.InsertRange(0, ps.Streams.Error);
        return new ScriptResult(output, errors);
    }

    /// <summary>Runs a script that must succeed and returns its output.</summary>
    public IReadOnlyList<PSObject> Expect(string script, TimeSpan? timeout = null)
    {
        ScriptResult result = Run(script, timeout);
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException("The script failed: " + script + Environment.NewLine + result.ErrorText);
        }

        return result.Output;
    }

    public void Dispose() => runspace.Dispose();
}
