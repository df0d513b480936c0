using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ClassicDeploy.Hosting;

/// <summary>Finds the emulator laid out next to the module, starts it and waits for its first line.</summary>
internal static class EmulatorLauncher
{
    internal const string ListeningPrefix = EmulatorBanner.Prefix;
    internal const string EmulatorAssemblyName = "ClassicDeploy.Emulator";

    /// <summary>
    /// The emulator folder shipped with the module: &lt;module base&gt;/emulator (the imported module's folder,
    /// which is not always where the loaded assembly came from), else next to ClassicDeploy.dll.
    /// </summary>
    internal static string DefaultDirectory(string? moduleBase)
    {
        string moduleDirectory = !string.IsNullOrEmpty(moduleBase)
            ? moduleBase!
            : Path.GetDirectoryName(typeof(EmulatorLauncher).Assembly.Location) ?? ".";
        return Path.Combine(moduleDirectory, "emulator");
    }

    /// <summary>
    /// How to run the emulator in <paramref name="directory"/>: `dotnet ClassicDeploy.Emulator.dll` with the
    /// dotnet host that runs us (or the one on PATH), else the emulator's own apphost.
    /// </summary>
    internal static ProcessStartInfo CreateStartInfo(string directory, IEnumerable<string> arguments)
    {
        string dll = Path.Combine(directory, EmulatorAssemblyName + ".dll");
        string appHost = Path.Combine(directory, EmulatorAssemblyName + (IsWindows ? ".exe" : string.Empty));
        string? dotnet = FindDotnet();
        string fileName;
        var all = new List<string>();
        if (File.Exists(dll) && dotnet != null)
        {
            fileName = dotnet;
            all.Add(dll);
        }
        else if (File.Exists(appHost))
        {
            fileName = appHost;
        }
        else if (File.Exists(dll))
        {
            throw new FileNotFoundException(
                "The dotnet host needed to run the emulator was not found; install the .NET runtime or put dotnet on PATH.", "dotnet");
        }
        else
        {
            throw new FileNotFoundException(
                $"The emulator was not found in '{directory}'. Build the module (dotnet build) so that it is laid out next to it, or pass -EmulatorPath.", dll);
        }

        all.AddRange(arguments);
        return new ProcessStartInfo(fileName, string.Join(" ", all.Select(QuoteArgument)))
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = directory,
        };
    }

    /// <summary>
    /// Starts the process and returns it with the base address from its banner line. Every stdout
    /// line (the banner, then one per request) goes to <paramref name="stdout"/> when given; stdout
    /// is drained either way, so the child never blocks on a full pipe.
    /// </summary>
    internal static async Task<(Process Process, Uri BaseAddress)> StartAsync(ProcessStartInfo startInfo, TimeSpan timeout, CancellationToken cancellationToken, Action<string>? stdout = null)
    {
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errorTail = new Queue<string>();
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data != null)
            {
                stdout?.Invoke(e.Data);
            }

            if (e.Data != null && e.Data.StartsWith(ListeningPrefix, StringComparison.Ordinal)
                && Uri.TryCreate(e.Data.Substring(ListeningPrefix.Length).Trim(), UriKind.Absolute, out Uri? address))
            {
                listening.TrySetResult(address);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data == null)
            {
                return;
            }

            lock (errorTail)
            {
                errorTail.Enqueue(e.Data);
                while (errorTail.Count > 20)
                {
                    errorTail.Dequeue();
                }
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            "The emulator exited before it was listening" + Tail(errorTail)));

        process.Start();
        KillOnExitJob.TryAdd(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (timeoutSource.Token.Register(() => cancelled.TrySetResult(true)))
            {
                Task first = await Task.WhenAny(listening.Task, cancelled.Task).ConfigureAwait(false);
                if (first != listening.Task)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    throw new TimeoutException(
                        $"The emulator did not report that it was listening within {timeout.TotalSeconds:0.#} s" + Tail(errorTail));
                }
            }

            return (process, await listening.Task.ConfigureAwait(false));
        }
        catch
        {
            EmulatorProcesses.Kill(process);
            throw;
        }
    }

    internal static string? FindDotnet()
    {
        string exe = IsWindows ? "dotnet.exe" : "dotnet";
        var candidates = new List<string?>
        {
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"),
            CurrentProcessIfDotnet(exe),
        };
        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root))
        {
            candidates.Add(Path.Combine(root, exe));
        }

        string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        candidates.AddRange(path.Split(Path.PathSeparator).Where(p => p.Length > 0).Select(p => Path.Combine(p.Trim('"'), exe)));
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c));
    }

    /// <summary>Quotes one argument for the Windows command line (also what .NET parses on Unix).</summary>
    internal static string QuoteArgument(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"', '\\' }) < 0)
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        int backslashes = 0;
        foreach (char c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes).Append(c);
            backslashes = 0;
        }

        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }

    private static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    private static string? CurrentProcessIfDotnet(string exe)
    {
        try
        {
            using Process current = Process.GetCurrentProcess();
            string? file = current.MainModule?.FileName;
            return file != null && string.Equals(Path.GetFileName(file), exe, StringComparison.OrdinalIgnoreCase) ? file : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception || e is InvalidOperationException || e is NotSupportedException)
        {
            return null; // some hosts may not read their own main module
        }
    }

    private static string Tail(Queue<string> lines)
    {
        lock (lines)
        {
            return lines.Count == 0 ? "." : ":" + Environment.NewLine + string.Join(Environment.NewLine, lines);
        }
    }
}
