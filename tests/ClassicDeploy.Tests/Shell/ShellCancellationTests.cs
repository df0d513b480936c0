using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Shell;

public sealed class ShellCancellationTests
{
    [Fact]
    public async Task Ctrl_C_stops_the_running_script_and_the_shell_exits_1()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGINT is how the test presses Ctrl+C
        }

        string script = Path.Combine(Path.GetTempPath(), $"classicdeploy-loop-{Guid.NewGuid():N}.ps1");
        await File.WriteAllTextAsync(script, "'started'\nwhile ($true) { [Threading.Thread]::Sleep(20) }\n'unreachable'\n");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = TestRepository.Root,
        };
        start.ArgumentList.Add(ShellProcess.ShellDll);
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--no-connect");
        try
        {
            using Process shell = Process.Start(start)!;
            Task<string> stderr = shell.StandardError.ReadToEndAsync();
            string? line;
            do
            {
                line = await shell.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            while (line is not null && line != "started");

            Assert.Equal("started", line);
            using (Process kill = Process.Start("kill", $"-INT {shell.Id}")!)
            {
                await kill.WaitForExitAsync();
            }

            await shell.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            string rest = await shell.StandardOutput.ReadToEndAsync();
            Assert.Equal(1, shell.ExitCode);
            Assert.DoesNotContain("unreachable", rest);
            Assert.Contains("The pipeline was stopped.", await stderr);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
