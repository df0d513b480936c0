using System;
using System.IO;
using System.Threading.Tasks;

namespace ClassicDeploy.Shell;

/// <summary>Entry point: parse, start the session, run the script or the prompt, exit with its code.</summary>
public static class Program
{
    public const int UsageError = 64;

    /// <summary>The exit code after a second Ctrl+C, as a shell reports a process ended by SIGINT.</summary>
    public const int ExitInterrupted = 130;

    public static async Task<int> Main(string[] args)
    {
        ShellOptions options;
        try
        {
            options = ShellOptions.Parse(args);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(ShellOptions.Usage);
            return UsageError;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(ShellOptions.Usage);
            return 0;
        }

        ConsoleSink sink = ConsoleSink.FromConsole();
        string manifest;
        try
        {
            manifest = ModuleLocator.Find(options.ModulePath, AppContext.BaseDirectory);
        }
        catch (FileNotFoundException ex)
        {
            sink.Write(ex.Message + "\n", ConsoleColor.Red, toError: true);
            return 1;
        }

        ShellSession session;
        try
        {
            session = await ShellSession.StartAsync(options, sink, manifest).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            sink.Write("ClassicDeploy.Shell could not start: " + ex.Message + "\n", ConsoleColor.Red, toError: true);
            return 1;
        }

        await using ShellSession started = session;
        Console.CancelKeyPress += (_, e) =>
        {
            switch (session.StopRunning())
            {
                case StopRequest.Stopping:
                    e.Cancel = true;
                    sink.Write("Stopping... (Ctrl+C again to exit at once)\n", ConsoleColor.Yellow, toError: true);
                    break;
                case StopRequest.StillStopping:
                    e.Cancel = true;
                    sink.Write("The pipeline did not stop; exiting.\n", ConsoleColor.Red, toError: true);
                    Environment.Exit(ExitInterrupted);
                    break;
            }
        };
        return options.ScriptPath is null
            ? session.RunPrompt(Console.In)
            : session.RunScript(options.ScriptPath, options.ScriptArguments);
    }
}
