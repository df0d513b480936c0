using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Shell;

/// <summary>Ctrl+C in the shell, pressed as SIGINT (so not on Windows).</summary>
public sealed class ShellCancellationTests
{
    [Fact]
    public async Task Ctrl_C_stops_the_running_script_and_the_shell_exits_1()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGINT is how the test presses Ctrl+C
        }

        await using var shell = await InterruptibleShell.StartAsync("'started'\nwhile ($true) { [Threading.Thread]::Sleep(20) }\n'unreachable'\n");
        shell.PressCtrlC();

        await shell.ExitedAsync();
        Assert.Equal(1, shell.ExitCode);
        Assert.DoesNotContain("unreachable", shell.Output);
        Assert.Contains("Stopping...", shell.Errors);
        Assert.Contains("The pipeline was stopped.", shell.Errors);
    }

    [Fact]
    public async Task A_second_Ctrl_C_exits_130_when_the_running_command_does_not_yield()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // A .NET method call cannot be interrupted: the first Ctrl+C waits for it, the second gives up.
        await using var shell = await InterruptibleShell.StartAsync("'started'\n[Threading.Thread]::Sleep(600000)\n'unreachable'\n");
        shell.PressCtrlC();
        await shell.ErrorLineAsync("Stopping...");
        shell.PressCtrlC();

        await shell.ExitedAsync();
        Assert.Equal(130, shell.ExitCode);
        Assert.DoesNotContain("unreachable", shell.Output);
        Assert.Contains("The pipeline did not stop; exiting.", shell.Errors);
    }

    /// <summary>The shell running a script, started with SIGINT at its default disposition.</summary>
    private sealed class InterruptibleShell : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _script;
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _errors = new();
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource<string>? _waitedLine;
        private string? _waitedText;

        private InterruptibleShell(Process process, string script)
        {
            _process = process;
            _script = script;
        }

        public int ExitCode => _process.ExitCode;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public string Errors
        {
            get
            {
                lock (_errors)
                {
                    return _errors.ToString();
                }
            }
        }

        /// <summary>Starts the shell on <paramref name="scriptText"/> and returns once it printed 'started'.</summary>
        public static async Task<InterruptibleShell> StartAsync(string scriptText)
        {
            string script = Path.Combine(Path.GetTempPath(), $"classicdeploy-interrupt-{Guid.NewGuid():N}.ps1");
            await File.WriteAllTextAsync(script, scriptText);

            // A test run started in the background (nohup, `cmd &`) ignores SIGINT, and so would the shell it
            // starts: .NET keeps an inherited ignore. `env --default-signal=INT` gives the shell a terminal's default.
            bool resetSignal = await Succeeds("env", "--default-signal=INT", "true");
            var start = new ProcessStartInfo(resetSignal ? "env" : "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = TestRepository.Root,
            };
            if (resetSignal)
            {
                start.ArgumentList.Add("--default-signal=INT");
                start.ArgumentList.Add("dotnet");
            }

            start.ArgumentList.Add(ShellProcess.ShellDll);
            start.ArgumentList.Add(script);
            start.ArgumentList.Add("--no-connect");
            var shell = new InterruptibleShell(Process.Start(start)!, script);
            shell._process.OutputDataReceived += (_, e) => shell.Received(e.Data, error: false);
            shell._process.ErrorDataReceived += (_, e) => shell.Received(e.Data, error: true);
            shell._process.BeginOutputReadLine();
            shell._process.BeginErrorReadLine();
            await shell.Within(shell._started.Task, "print 'started'", TimeSpan.FromSeconds(60));
            return shell;
        }

        public void PressCtrlC()
        {
            using Process kill = Process.Start("kill", $"-INT {_process.Id}")!;
            kill.WaitForExit();
        }

        public Task ErrorLineAsync(string text)
        {
            var line = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_errors)
            {
                if (_errors.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return Task.CompletedTask;
                }

                _waitedText = text;
                _waitedLine = line;
            }

            return Within(line.Task, $"write '{text}'", TimeSpan.FromSeconds(30));
        }

        public Task ExitedAsync() => Within(_process.WaitForExitAsync(), "exit", TimeSpan.FromSeconds(30));

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

        private void Received(string? line, bool error)
        {
            if (line is null)
            {
                return;
            }

            StringBuilder into = error ? _errors : _output;
            lock (into)
            {
                into.AppendLine(line);
                if (error && _waitedText != null && line.Contains(_waitedText, StringComparison.Ordinal))
                {
                    _waitedLine?.TrySetResult(line);
                }
            }

            if (!error && line == "started")
            {
                _started.TrySetResult();
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
                Assert.Fail($"The shell did not {what} within {limit.TotalSeconds:0} s.\nstdout:\n{Output}\nstderr:\n{Errors}");
            }
        }

        private static async Task<bool> Succeeds(string file, params string[] arguments)
        {
            try
            {
                using Process process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false, RedirectStandardError = true })!;
                await process.WaitForExitAsync();
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
