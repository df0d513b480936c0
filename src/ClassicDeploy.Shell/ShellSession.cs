using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Emulator;

namespace ClassicDeploy.Shell;

/// <summary>
/// One shell run: the embedded emulator (unless --endpoint), a runspace on <see cref="ShellHost"/>
/// with the module imported and connected, and the script or the prompt.
/// </summary>
public sealed class ShellSession : IAsyncDisposable
{
    public const string Prompt = "PS ClassicDeploy> ";

    private readonly ShellOptions options;
    private readonly ConsoleSink sink;
    private readonly ShellHost host;
    private readonly Runspace runspace;
    private EmulatorHost? emulator;
    private PowerShell? running;
    private int stopRequests;

    private ShellSession(ShellOptions options, ConsoleSink sink)
    {
        this.options = options;
        this.sink = sink;
        host = new ShellHost(sink);
        InitialSessionState state = InitialSessionState.CreateDefault2();
        HostCommands.AddTo(state);
        runspace = RunspaceFactory.CreateRunspace(host, state);
    }

    public ShellHost Host => host;

    /// <summary>The endpoint the session is connected to (the emulator's unless --endpoint).</summary>
    public Uri? Endpoint { get; private set; }

    /// <summary>Starts the emulator if needed, opens the runspace, imports and connects the module.</summary>
    public static async Task<ShellSession> StartAsync(ShellOptions options, ConsoleSink sink, string moduleManifest)
    {
        var session = new ShellSession(options, sink);
        try
        {
            await session.InitializeAsync(moduleManifest).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task InitializeAsync(string moduleManifest)
    {
        Endpoint = options.Endpoint;
        if (Endpoint is null)
        {
            emulator = await EmulatorHost.StartAsync(new EmulatorOptions
            {
                InMemory = true,
                UpgradeDomainDuration = TimeSpan.FromSeconds(options.UpgradeDomainSeconds),
            }).ConfigureAwait(false);
            Endpoint = emulator.BaseAddress;
        }

        runspace.Open();
        runspace.SessionStateProxy.SetVariable("ClassicDeployEndpoint", Endpoint.ToString());
        runspace.SessionStateProxy.SetVariable("ClassicDeployModule", moduleManifest);
        if (options.ImportModule)
        {
            RunCommand(ps => ps.AddCommand("Import-Module").AddParameter("Name", moduleManifest).AddParameter("ErrorAction", "Stop"));
        }

        if (options.Connect)
        {
            RunCommand(ps => ps.AddScript(
                "param($SubscriptionId, $Endpoint) " +
                "if (Get-Command Connect-ClassicDeploy -ErrorAction Ignore) { " +
                "Connect-ClassicDeploy -SubscriptionId $SubscriptionId -Endpoint $Endpoint -ErrorAction Stop }")
                .AddArgument(options.SubscriptionId).AddArgument(Endpoint));
        }
    }

    /// <summary>Runs a script file; returns the exit code described in <see cref="ShellOptions.Usage"/>.</summary>
    public int RunScript(string path, System.Collections.Generic.IEnumerable<string> arguments)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            host.ShellUI.WriteErrorLine($"The script '{path}' does not exist.");
            return 1;
        }

        runspace.SessionStateProxy.SetVariable("LASTEXITCODE", 0);
        host.ShellUI.ResetErrorCount();
        bool terminated = Invoke(ps =>
        {
            ps.AddCommand(full);
            foreach (string argument in arguments)
            {
                ps.AddArgument(argument);
            }
        });

        return ExitCode(terminated);
    }

    /// <summary>The prompt: reads lines until 'exit' or end of input.</summary>
    public int RunPrompt(TextReader input)
    {
        int last = 0;
        while (true)
        {
            sink.Write(Prompt, ConsoleColor.Green);
            string? line = input.ReadLine();
            if (line is null || line.Trim().Equals("exit", StringComparison.OrdinalIgnoreCase))
            {
                return last;
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            host.ShellUI.ResetErrorCount();
            bool terminated = Invoke(ps => ps.AddScript(line));
            last = host.ExitCode ?? (terminated || host.ShellUI.ErrorLines > 0 ? 1 : 0);
            if (host.ExitCode.HasValue)
            {
                return host.ExitCode.Value;
            }
        }
    }

    /// <summary>
    /// Ctrl+C: the first stops the running pipeline; a second one while that pipeline has not
    /// stopped yet (a command that does not yield) means the user wants out.
    /// </summary>
    public StopRequest StopRunning()
    {
        PowerShell? ps = Volatile.Read(ref running);
        if (ps is null)
        {
            return StopRequest.NothingRunning;
        }

        if (Interlocked.Increment(ref stopRequests) > 1)
        {
            return StopRequest.StillStopping;
        }

        // Off the signal thread: stopping can block until the running command yields, and the signal
        // thread must stay free to take the second Ctrl+C.
        _ = Task.Run(() => ps.BeginStop(null, null));
        return StopRequest.Stopping;
    }

    private int ExitCode(bool terminated)
    {
        if (terminated)
        {
            return 1;
        }

        object? last = runspace.SessionStateProxy.GetVariable("LASTEXITCODE");
        if (last is int code && code != 0)
        {
            return code;
        }

        return host.ShellUI.ErrorLines > 0 ? 2 : 0;
    }

    /// <summary>Runs commands piped to Out-Default, errors merged so they render; true if it terminated with an error.</summary>
    private bool Invoke(Action<PowerShell> build)
    {
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = runspace;
        build(ps);
        ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
        ps.AddCommand("Out-Default");
        Volatile.Write(ref running, ps);
        try
        {
            ps.Invoke();
            if (ps.InvocationStateInfo.State != PSInvocationState.Stopped)
            {
                return false;
            }

            host.ShellUI.WriteErrorLine("The pipeline was stopped.");
            return true;
        }
        catch (PipelineStoppedException)
        {
            host.ShellUI.WriteErrorLine("The pipeline was stopped.");
            return true;
        }
        catch (RuntimeException ex)
        {
            WriteTerminatingError(ex.ErrorRecord);
            return true;
        }
        finally
        {
            Volatile.Write(ref running, null);
            Volatile.Write(ref stopRequests, 0);
        }
    }

    private void WriteTerminatingError(ErrorRecord record)
    {
        string message = record.ErrorDetails?.Message ?? record.Exception.Message;
        host.ShellUI.WriteErrorLine(message);
        string? position = record.InvocationInfo?.PositionMessage;
        if (!string.IsNullOrEmpty(position))
        {
            host.ShellUI.WriteErrorLine(position);
        }

        host.ShellUI.WriteErrorLine($"    + FullyQualifiedErrorId : {record.FullyQualifiedErrorId}");
    }

    private void RunCommand(Action<PowerShell> build)
    {
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = runspace;
        build(ps);
        ps.AddCommand("Out-Default");
        ps.Invoke();
    }

    public async ValueTask DisposeAsync()
    {
        runspace.Dispose();
        if (emulator is not null)
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>What a Ctrl+C did.</summary>
public enum StopRequest
{
    /// <summary>No pipeline was running.</summary>
    NothingRunning,

    /// <summary>The running pipeline was asked to stop.</summary>
    Stopping,

    /// <summary>The pipeline was already asked to stop and has not stopped yet.</summary>
    StillStopping,
}
