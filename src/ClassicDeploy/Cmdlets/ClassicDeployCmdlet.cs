using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Session;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Base of every cmdlet but Connect-ClassicDeploy: resolves the context and owns the one place
/// where the pipeline thread blocks on the async core. The core runs on the thread pool; the
/// pipeline thread pumps the writes (objects, errors, verbose, progress, ShouldProcess) the core
/// posts, so every Write* call happens on the pipeline thread. StopProcessing (Ctrl+C) cancels
/// the core's token and unblocks the pipeline thread at once.
/// </summary>
public abstract partial class ClassicDeployCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
    private WritePump? _writes;
    private bool _disposed;
    private bool _showsProgress = true;
    private bool _showsConfirmation = true;

    /// <summary>The connection to use instead of the runspace's default one (from Connect-ClassicDeploy -PassThru, or deserialized from another session).</summary>
    [Parameter]
    [ValidateNotNull]
    [ContextTransformation]
    public ClassicDeployContext? Context { get; set; }

    /// <summary>The resolved connection; set in BeginProcessing.</summary>
    protected ClassicDeployContext Connection { get; private set; } = null!;

    /// <summary>The client of the resolved connection.</summary>
    protected ServiceManagementClient Client => Connection.Client;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        ClassicDeployContext? context = Context ?? ContextStore.Current;
        if (context is null)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException("You are not connected to a subscription. Run Connect-ClassicDeploy first, or pass -Context."),
                "ClassicDeploy.NotConnected",
                ErrorCategory.InvalidOperation,
                null));
        }

        Connection = context!;
    }

    /// <inheritdoc />
    protected override void StopProcessing()
    {
        WarnThatWaitsStop();
        try
        {
            _stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <inheritdoc />
    protected override void EndProcessing() => Dispose();

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _stopping.Dispose();
        }
    }

    /// <summary>
    /// The blocking point: runs <paramref name="core"/> on the thread pool and pumps its writes
    /// until it ends. A failure becomes one non-terminating error for this pipeline item
    /// (<paramref name="target"/> is its TargetObject); the pipeline goes on with the next item.
    /// </summary>
    protected void Run(Func<CancellationToken, Task> core, object? target)
    {
        CancellationToken token = _stopping.Token;
        var writes = new WritePump();
        _writes = writes;
        bool verboseShown = VerboseEnabled();
        Action<string>? verbose = verboseShown ? message => _ = Post(() => WriteVerbose(message)) : null;
        _showsProgress = ProgressShown();
        _showsConfirmation = verboseShown || (AsksToProcess && (WhatIfRequested || WillPrompt()));

        // The core starts on this thread and runs here up to its first real await (the request is on the wire by
        // then); its continuations run on the thread pool (ConfigureAwait(false)). No hand-off to start it.
        Task task = StartCore(core, token, writes, verbose);
        try
        {
            writes.Run(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            _writes = null;
            WarnStopped();
            throw new PipelineStoppedException();
        }
        catch
        {
            // A write failed on the pipeline thread (stopped downstream, -ErrorAction Stop, Ctrl+C in a health check…): stop the core and let it propagate.
            _writes = null;
            StopProcessing();
            WarnStopped();
            throw;
        }

        _writes = null;
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            WarnStopped();
            throw new PipelineStoppedException();
        }
        catch (ClassicDeployTerminatingException terminating)
        {
            ThrowTerminatingError(terminating.ErrorRecord);
        }
        catch (Exception exception) when (!(exception is PipelineStoppedException || exception is ActionPreferenceStopException))
        {
            WriteError(ErrorRecords.From(exception, target));
        }
    }

    private static async Task StartCore(Func<CancellationToken, Task> core, CancellationToken token, WritePump writes, Action<string>? verbose)
    {
        // Opened inside this async method, so the scope flows to the core and not back to the pipeline thread.
        try
        {
            using (VerboseScope.Open(verbose))
            {
                token.ThrowIfCancellationRequested();
                await core(token).ConfigureAwait(false);
            }
        }
        finally
        {
            writes.Complete();
        }
    }

    /// <summary>Whether WriteVerbose would show anything: -Verbose, else $VerbosePreference; when not, no verbose line is even posted.</summary>
    private bool VerboseEnabled()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Verbose", out object? value) && value is SwitchParameter verbose)
        {
            return verbose.IsPresent;
        }

        return Shows("VerbosePreference");
    }

    /// <summary>Whether WriteProgress would show anything ($ProgressPreference); when not, a wait for many reads no deployment only for its bars.</summary>
    private bool ProgressShown() => Shows("ProgressPreference");

    private bool Shows(string preferenceVariable) =>
        !(Preference(preferenceVariable) is ActionPreference action) || (action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore);

    /// <summary>A preference variable's value as the session holds it, unwrapped from its PSObject.</summary>
    private object? Preference(string variable)
    {
        object? value = GetVariableValue(variable);
        return value is PSObject wrapped ? wrapped.BaseObject : value;
    }

    /// <summary>What the workflow asked to warn if stopped (<see cref="IOperationSink.WhenStopped"/>).</summary>
    private volatile string? _stoppedWarning;

    private string? StoppedWarning
    {
        get => _stoppedWarning;
        set => _stoppedWarning = value;
    }

    /// <summary>
    /// Writes the stopped workflow's warning. The pipeline is stopping, so WriteWarning would throw;
    /// the host's UI still takes it (a console prints it, a hosted runspace's warning stream gets it).
    /// </summary>
    private void WarnStopped()
    {
        string? warning = StoppedWarning;
        StoppedWarning = null;
        if (warning != null)
        {
            Host?.UI?.WriteWarningLine(warning);
        }
    }

    /// <summary>Queues a write for the pipeline thread; callable from any thread while the core runs. False once nothing pumps.</summary>
    protected bool Post(Action write)
    {
        // False when nothing pumps, or the core already ended (a late verbose line has nowhere to go).
        WritePump? writes = _writes;
        return writes != null && writes.TryPost(write);
    }

    /// <summary>Runs <paramref name="func"/> on the pipeline thread and awaits its result (ShouldProcess, path resolution).</summary>
    protected Task<T> OnPipelineThread<T>(Func<T> func)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool posted = Post(() =>
        {
            try
            {
                result.SetResult(func());
            }
            catch (Exception exception)
            {
                result.SetException(exception);
            }
        });
        if (!posted)
        {
            // The pipeline is stopping: nobody will run it, so do not leave the core waiting forever.
            result.SetException(new PipelineStoppedException());
        }

        return result.Task;
    }

    /// <summary>Outputs an object from the core.</summary>
    protected void Emit(object value) => _ = Post(() => WriteObject(value));
}
