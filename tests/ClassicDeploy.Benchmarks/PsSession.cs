using System;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ClassicDeploy.Benchmarks;

/// <summary>A hosted runspace (InitialSessionState.CreateDefault2) for timing script text.</summary>
internal sealed class PsSession : IDisposable
{
    private readonly Runspace _runspace;

    public PsSession()
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
    }

    /// <summary>A runspace with the built module imported and connected to <paramref name="endpoint"/>.</summary>
    public static PsSession Connected(Uri endpoint, string subscriptionId)
    {
        var session = new PsSession();
        session.Invoke($"Import-Module '{RepoPaths.ModuleManifest}' -ErrorAction Stop; " +
            $"Connect-ClassicDeploy -SubscriptionId '{subscriptionId}' -Endpoint '{endpoint}' -ErrorAction Stop");
        return session;
    }

    /// <summary>Runs the script; any error fails the benchmark rather than skewing it.</summary>
    public Collection<PSObject> Invoke(string script)
    {
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        Collection<PSObject> output = ps.Invoke();
        if (ps.HadErrors || ps.Streams.Error.Count > 0)
        {
            throw new InvalidOperationException("Script failed: " + script + Environment.NewLine +
                string.Join(Environment.NewLine, ps.Streams.Error.Take(3).Select(e => e.FullyQualifiedErrorId + ": " + e)));
        }

        return output;
    }

    /// <summary>Runs the script for its output; errors it writes are part of what is measured (a health gate's failure).</summary>
    public Collection<PSObject> InvokeExpectingErrors(string script)
    {
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        return ps.Invoke();
    }

    public TimeSpan Time(string script)
    {
        var stopwatch = Stopwatch.StartNew();
        Invoke(script);
        return stopwatch.Elapsed;
    }

    public void Dispose() => _runspace.Dispose();
}
