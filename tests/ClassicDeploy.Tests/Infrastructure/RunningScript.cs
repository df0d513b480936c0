using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;

namespace ClassicDeploy.Tests.Infrastructure;

/// <summary>A script started with BeginInvoke: watch its streams live, stop it, or wait for its end.</summary>
public sealed class RunningScript : IDisposable
{
    private readonly PowerShell _ps;
    private readonly PSDataCollection<PSObject> _output = new();
    private readonly IAsyncResult _pending;
    private readonly SemaphoreSlim _activity = new(0);

    internal RunningScript(PowerShell ps)
    {
        _ps = ps;
        _output.DataAdded += (_, _) => _activity.Release();
        ps.Streams.Progress.DataAdded += (_, _) => _activity.Release();
        _pending = ps.BeginInvoke<PSObject, PSObject>(null, _output);
    }

    /// <summary>The pipeline's state (Running, Completed, Stopped, Failed).</summary>
    public PSInvocationState State => _ps.InvocationStateInfo.State;

    /// <summary>Progress records so far.</summary>
    public IReadOnlyList<ProgressRecord> ProgressSoFar => _ps.Streams.Progress.ToList();

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, re-checking whenever output or progress arrives
    /// (and at least every 50 ms); false if the script ended or <paramref name="timeout"/> passed first.
    /// </summary>
    public bool WaitUntil(Func<RunningScript, bool> condition, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition(this))
        {
            if (_pending.IsCompleted || DateTime.UtcNow >= deadline)
            {
                return condition(this);
            }

            _activity.Wait(TimeSpan.FromMilliseconds(50));
        }

        return true;
    }

    /// <summary>Stops the pipeline (what Ctrl+C does) and returns its streams once it has ended.</summary>
    public ScriptResult Stop()
    {
        _ps.Stop();
        return Collect();
    }

    /// <summary>Waits for the end; after <paramref name="timeout"/> stops the script and fails.</summary>
    public ScriptResult Finish(TimeSpan timeout)
    {
        if (!_pending.AsyncWaitHandle.WaitOne(timeout))
        {
            _ps.Stop();
            throw new TimeoutException($"The script did not finish within {timeout}.");
        }

        return Collect();
    }

    private ScriptResult Collect()
    {
        RuntimeException? terminating = null;
        try
        {
            _ps.EndInvoke(_pending);
        }
        catch (RuntimeException exception)
        {
            terminating = exception;
        }

        var errors = _ps.Streams.Error.ToList();
        if (terminating is IContainsErrorRecord withRecord && !(terminating is PipelineStoppedException))
        {
            errors.Add(withRecord.ErrorRecord);
        }

        return new ScriptResult(
            _output.ToList(),
            errors,
            _ps.Streams.Progress.ToList(),
            _ps.Streams.Verbose.ToList(),
            _ps.Streams.Warning.ToList(),
            terminating);
    }

    public void Dispose()
    {
        _ps.Dispose();
        _output.Dispose();
        _activity.Dispose();
    }
}
