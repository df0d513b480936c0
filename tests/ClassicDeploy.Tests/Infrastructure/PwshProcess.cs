using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace ClassicDeploy.Tests.Infrastructure;

/// <summary>
/// Real pwsh as a child process: the PowerShell local tool of the repository's manifest
/// (.config/dotnet-tools.json), found once with `dotnet tool restore` and `dotnet pwsh`, then
/// started directly as `dotnet &lt;PSHOME&gt;/pwsh.dll -NoProfile -NonInteractive -File script.ps1`
/// (one process, so a signal sent to it reaches pwsh itself). Output is captured line by line.
/// </summary>
public sealed class PwshProcess : IAsyncDisposable
{
    private static readonly Lazy<string> LazyPwshDll = new(FindPwshDll);

    private readonly Process _process;
    private readonly string _script;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = new();

    private PwshProcess(Process process, string script)
    {
        _process = process;
        _script = script;
    }

    /// <summary>pwsh.dll of the local tool (restored if needed).</summary>
    public static string PwshDll => LazyPwshDll.Value;

    public int ExitCode => _process.ExitCode;

    public int Id => _process.Id;

    public string Output => Read(_output);

    public string Errors => Read(_errors);

    /// <summary>Runs <paramref name="scriptText"/> to its end (failing the test after <paramref name="limit"/>).</summary>
    public static async Task<PwshResult> RunAsync(string scriptText, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
    {
        await using PwshProcess pwsh = Start(scriptText, environment);
        await pwsh.ExitedAsync(limit);
        return new PwshResult(pwsh.ExitCode, pwsh.Output, pwsh.Errors);
    }

    /// <summary>
    /// Starts pwsh on <paramref name="scriptText"/> (written to a temporary .ps1) in the repository root.
    /// With <paramref name="defaultSigint"/>, SIGINT is reset to its default disposition first: a test run
    /// started in the background (nohup, `cmd &amp;`) ignores SIGINT, and .NET keeps an inherited ignore.
    /// </summary>
    public static PwshProcess Start(string scriptText, IReadOnlyDictionary<string, string>? environment = null, bool defaultSigint = false)
    {
        string script = Path.Combine(Path.GetTempPath(), $"classicdeploy-pwsh-{Guid.NewGuid():N}.ps1");
        File.WriteAllText(script, scriptText);
        var start = new ProcessStartInfo(defaultSigint ? "env" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = TestRepository.Root,
        };
        if (defaultSigint)
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add("dotnet");
        }

        foreach (string argument in new[] { PwshDll, "-NoProfile", "-NonInteractive", "-File", script })
        {
            start.ArgumentList.Add(argument);
        }

        if (environment != null)
        {
            foreach (KeyValuePair<string, string> variable in environment)
            {
                start.Environment[variable.Key] = variable.Value;
            }
        }

        var pwsh = new PwshProcess(Process.Start(start)!, script);
        pwsh._process.StandardInput.Close();
        pwsh._process.OutputDataReceived += (_, e) => pwsh.Received(e.Data, pwsh._output);
        pwsh._process.ErrorDataReceived += (_, e) => pwsh.Received(e.Data, pwsh._errors);
        pwsh._process.BeginOutputReadLine();
        pwsh._process.BeginErrorReadLine();
        return pwsh;
    }

    /// <summary>
    /// Runs <paramref name="scriptText"/> in pwsh on a pseudo-terminal (util-linux `script`), as a user at a
    /// terminal sees it: progress bars are drawn, with their escape codes. Answers the console's cursor
    /// position queries (ESC[6n) as a terminal would, so that pwsh does not wait for each answer.
    /// Returns everything the terminal received.
    /// </summary>
    public static async Task<PwshResult> RunOnTerminalAsync(string scriptText, TimeSpan limit)
    {
        string script = Path.Combine(Path.GetTempPath(), $"classicdeploy-pwsh-{Guid.NewGuid():N}.ps1");
        await File.WriteAllTextAsync(script, scriptText);
        var start = new ProcessStartInfo("script")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = TestRepository.Root,
        };
        start.ArgumentList.Add("-qec");
        start.ArgumentList.Add($"dotnet '{PwshDll}' -NoProfile -NonInteractive -File '{script}'");
        start.ArgumentList.Add("/dev/null");
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["COLUMNS"] = "120";
        start.Environment["LINES"] = "40";
        using Process process = Process.Start(start)!;
        Task<string> errors = process.StandardError.ReadToEndAsync();
        var screen = new StringBuilder();
        var buffer = new char[4096];
        int answered = 0;
        using var timeout = new System.Threading.CancellationTokenSource(limit);
        try
        {
            int read;
            while ((read = await process.StandardOutput.ReadAsync(buffer.AsMemory(), timeout.Token)) > 0)
            {
                screen.Append(buffer, 0, read);
                int queries = CountOf(screen.ToString(), "\u001b[6n");
                for (; answered < queries; answered++)
                {
                    await process.StandardInput.WriteAsync("\u001b[1;1R");
                    await process.StandardInput.FlushAsync();
                }
            }

            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"pwsh on a terminal did not finish within {limit.TotalSeconds:0} s:\n{screen}");
        }
        finally
        {
            File.Delete(script);
        }

        return new PwshResult(process.ExitCode, screen.ToString(), await errors);
    }

    /// <summary>Completes once a line of stdout contains <paramref name="text"/>; fails the test after <paramref name="limit"/>.</summary>
    public Task OutputLineAsync(string text, TimeSpan limit)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            _awaited.Add((text, seen));
        }

        return Within(seen.Task, $"print '{text}'", limit);
    }

    public Task ExitedAsync(TimeSpan limit) => Within(_process.WaitForExitAsync(), "exit", limit);

    /// <summary>Ctrl+C, as a terminal sends it: SIGINT to the pwsh process.</summary>
    public void PressCtrlC()
    {
        using Process kill = Process.Start("kill", $"-INT {_process.Id}")!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, "kill -INT failed");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        File.Delete(_script);
    }

    public override string ToString() => $"exit {(_process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(running)")}\n--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";

    private static string FindPwshDll()
    {
        Run("dotnet", "tool", "restore");
        string home = Run("dotnet", "pwsh", "-NoProfile", "-NonInteractive", "-Command", "$PSHOME").Trim();
        string dll = Path.Combine(home, "pwsh.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("The PowerShell local tool has no pwsh.dll in $PSHOME.", dll);
    }

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestRepository.Root,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within 3 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode} (the PowerShell local tool is pinned in .config/dotnet-tools.json):\n{output}\n{error.Result}");
        }

        return output;
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }

    private void Received(string? line, StringBuilder into)
    {
        if (line is null)
        {
            return;
        }

        lock (into)
        {
            into.AppendLine(line);
            if (into == _output)
            {
                foreach ((string text, TaskCompletionSource seen) in _awaited)
                {
                    if (line.Contains(text, StringComparison.Ordinal))
                    {
                        seen.TrySetResult();
                    }
                }
            }
        }
    }

    private async Task Within(Task task, string what, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"pwsh did not {what} within {limit.TotalSeconds:0} s.\n{this}");
        }
    }
}

/// <summary>What a finished pwsh printed.</summary>
public sealed record PwshResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}
