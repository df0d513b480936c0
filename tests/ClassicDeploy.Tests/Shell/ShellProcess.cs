using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;

namespace ClassicDeploy.Tests.Shell;

/// <summary>Runs the built ClassicDeploy.Shell as a child process (stdout redirected: not a terminal).</summary>
public static class ShellProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>src/ClassicDeploy.Shell/bin/&lt;configuration&gt;/net10.0/ClassicDeploy.Shell.dll, same configuration as the tests.</summary>
    public static string ShellDll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string configuration = testBin.Parent!.Name;
            string dll = Path.Combine(TestRepository.Root, "src", "ClassicDeploy.Shell", "bin", configuration, testBin.Name, "ClassicDeploy.Shell.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/ClassicDeploy.Shell first.", dll);
        }
    }

    /// <summary>Writes the script to a temporary .ps1 and runs the shell on it.</summary>
    public static async Task<ShellResult> RunScriptAsync(string scriptText, params string[] options)
    {
        string script = Path.Combine(Path.GetTempPath(), $"classicdeploy-shell-{Guid.NewGuid():N}.ps1");
        await File.WriteAllTextAsync(script, scriptText);
        try
        {
            var args = new string[options.Length + 1];
            args[0] = script;
            options.CopyTo(args, 1);
            return await RunAsync(args, stdin: null);
        }
        finally
        {
            File.Delete(script);
        }
    }

    public static async Task<ShellResult> RunAsync(string[] args, string? stdin)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = TestRepository.Root,
        };
        start.ArgumentList.Add(ShellDll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        Task exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(Timeout)) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The shell did not finish within {Timeout}. Output so far: {await stdout}");
        }

        return new ShellResult(process.ExitCode, await stdout, await stderr);
    }
}

public sealed record ShellResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}
