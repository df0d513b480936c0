using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Operations;
using ClassicDeploy.Session;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// The job -AsJob returns (as the Az cmdlets' jobs): the workflow runs on the thread pool and writes
/// into the job's streams, so Get-Job, Wait-Job, Receive-Job, Stop-Job and Remove-Job handle it like
/// any other job. Stop-Job stops the waiting, not the operation in the service. The confirmation is
/// asked before the job starts, by the cmdlet; a health gate cannot be answered from a job.
/// </summary>
public sealed class OperationJob : Job, IOperationSink
{
    /// <summary>The PSJobTypeName of every job the module starts.</summary>
    public const string TypeName = "ClassicDeployJob";

    private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
    private readonly ManualResetEventSlim _finished = new ManualResetEventSlim();
    private int _errors;

    internal OperationJob(string command, string name)
        : base(command, name)
    {
        PSJobTypeName = TypeName;
    }

    /// <inheritdoc />
    public override string StatusMessage => JobStateInfo.State.ToString();

    /// <inheritdoc />
    public override bool HasMoreData =>
        Output.Count > 0 || Error.Count > 0 || Warning.Count > 0 || Verbose.Count > 0 || Progress.Count > 0;

    /// <inheritdoc />
    public override string Location => "localhost";

    /// <summary>Starts <paramref name="workflow"/> over <paramref name="client"/>; a failure is the job's error about <paramref name="target"/>.</summary>
    internal void Start(ServiceManagementClient client, Func<Workflows, CancellationToken, Task> workflow, object? target)
    {
        SetJobState(JobState.Running);
        CancellationToken token = _stopping.Token;
        Action<string> verbose = message => Verbose.Add(new VerboseRecord(message));
        _ = Task.Run(async () =>
        {
            using IDisposable scope = VerboseScope.Open(verbose);
            JobState end;
            try
            {
                await workflow(new Workflows(client, this), token).ConfigureAwait(false);
                end = Volatile.Read(ref _errors) > 0 ? JobState.Failed : JobState.Completed;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                end = JobState.Stopped;
            }
            catch (Exception exception)
            {
                ((IOperationSink)this).Error(exception, target);
                end = JobState.Failed;
            }

            _finished.Set();
            SetJobState(end);
        });
    }

    /// <inheritdoc />
    public override void StopJob()
    {
        if (IsFinishedState(JobStateInfo.State))
        {
            return;
        }

        SetJobState(JobState.Stopping);
        _stopping.Cancel();
        _finished.Wait();
    }

    void IOperationSink.Emit(object value) => Output.Add(PSObject.AsPSObject(value));

    void IOperationSink.Error(Exception error, object? target)
    {
        Interlocked.Increment(ref _errors);
        Error.Add(ErrorRecords.From(error, target));
    }

    void IOperationSink.Progress(ProgressUpdate update) => Progress.Add(ClassicDeployCmdlet.ToRecord(update));

    void IOperationSink.Verbose(string message) => Verbose.Add(new VerboseRecord(message));

    IDisposable IOperationSink.Waiting(Models.DeploymentOperation operation) => Nothing.Instance;

    /// <summary>A job is stopped with Stop-Job, not Ctrl+C; its operations stay readable with Get-DeploymentOperation.</summary>
    void IOperationSink.WhenStopped(string? warning)
    {
    }

    /// <summary>Confirmed by the cmdlet before the job started.</summary>
    Task<bool> IOperationSink.ShouldProcessAsync(string target, string action) => Task.FromResult(true);

    // The session asked before the job started; nothing in the job shows the question.
    bool IOperationSink.ShowsConfirmation => false;

    Task<HealthVerdict> IOperationSink.CheckHealthAsync(HealthCheck check, CancellationToken ct) =>
        throw new NotSupportedException("A health check runs a script block in the session, so it cannot be answered from a job: run the command without -AsJob.");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping.Dispose();
            _finished.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool IsFinishedState(JobState state) =>
        state == JobState.Completed || state == JobState.Failed || state == JobState.Stopped;

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new Nothing();

        public void Dispose()
        {
        }
    }
}
