using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// A real PowerShell process: <c>dotnet pwsh</c> from the repository's tool manifest (or the executable named by
/// CLASSICDEPLOY_BENCH_PWSH). A script prepares (import, connect, warm up), prints <c>READY</c>, waits for a line
/// on stdin, runs its timed part and prints one JSON object as its last line, so several processes can be
/// started, made ready, and then released at the same moment.
/// </summary>
internal sealed class Pwsh : IDisposable
{
    public const string ReadyLine = "READY";

    /// <summary>Script text that waits for the go line; put it between preparation and the timed part.</summary>
    public const string WaitForGo = "Write-Output 'READY'; [Console]::Out.Flush(); $null = [Console]::In.ReadLine()\n";

    private readonly Process _process;
    private readonly string _scriptFile;
    private readonly List<string> _output = new List<string>();
    private readonly List<string> _errors = new List<string>();
    private readonly TaskCompletionSource<bool> _ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

    private Pwsh(string script)
    {
        _scriptFile = Path.Combine(Path.GetTempPath(), "classicdeploy-bench-" + Guid.NewGuid().ToString("N") + ".ps1");
        File.WriteAllText(_scriptFile, "$ErrorActionPreference = 'Stop'\n$ProgressPreference = 'SilentlyContinue'\n" + script);
        ProcessStartInfo start = StartInfo();
        start.ArgumentList.Add("-NoProfile");
        start.ArgumentList.Add("-NonInteractive");
        start.ArgumentList.Add("-File");
        start.ArgumentList.Add(_scriptFile);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _ready.TrySetResult(false);
                return;
            }

            lock (_output)
            {
                _output.Add(e.Data);
            }

            if (e.Data == ReadyLine)
            {
                _ready.TrySetResult(true);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.Add(e.Data);
                }
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>How the harness names the PowerShell it runs, for the report.</summary>
    public static string Description =>
        Environment.GetEnvironmentVariable("CLASSICDEPLOY_BENCH_PWSH") is { Length: > 0 } exe ? exe : "dotnet pwsh (tool manifest)";

    public static Pwsh Start(string script) => new Pwsh(script);

    /// <summary>Runs a script to its end (no go line) and returns its JSON result.</summary>
    public static async Task<JsonElement> RunAsync(string script, TimeSpan limit)
    {
        using Pwsh pwsh = Start(script);
        return await pwsh.ResultAsync(limit).ConfigureAwait(false);
    }

    /// <summary>Waits until the script printed READY.</summary>
    public async Task WhenReadyAsync(TimeSpan limit)
    {
        Task done = await Task.WhenAny(_ready.Task, Task.Delay(limit)).ConfigureAwait(false);
        if (done != _ready.Task || !_ready.Task.Result)
        {
            throw new InvalidOperationException("pwsh did not get ready: " + Tail());
        }
    }

    /// <summary>Releases the timed part.</summary>
    public void Go()
    {
        _process.StandardInput.WriteLine("go");
        _process.StandardInput.Flush();
    }

    /// <summary>The JSON object the script printed last.</summary>
    public async Task<JsonElement> ResultAsync(TimeSpan limit)
    {
        Task exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(limit)).ConfigureAwait(false) != exited)
        {
            throw new TimeoutException("pwsh did not finish within " + limit + ": " + Tail());
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        string? last;
        lock (_output)
        {
            last = _output.LastOrDefault(l => l.TrimStart().StartsWith('{'));
        }

        if (_process.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException($"pwsh exited {_process.ExitCode}: " + Tail());
        }

        return JsonDocument.Parse(last).RootElement.Clone();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            File.Delete(_scriptFile);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A PowerShell single-quoted string literal.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static ProcessStartInfo StartInfo()
    {
        string? exe = Environment.GetEnvironmentVariable("CLASSICDEPLOY_BENCH_PWSH");
        var start = new ProcessStartInfo(string.IsNullOrEmpty(exe) ? "dotnet" : exe)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        if (string.IsNullOrEmpty(exe))
        {
            start.ArgumentList.Add("pwsh");
        }

        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["NO_COLOR"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        return start;
    }

    private string Tail()
    {
        lock (_errors)
        {
            lock (_output)
            {
                return string.Join(" | ", _output.TakeLast(5).Concat(_errors.TakeLast(10)));
            }
        }
    }
}
