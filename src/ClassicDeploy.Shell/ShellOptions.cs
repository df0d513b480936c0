using System;
using System.Collections.Generic;
using System.Globalization;

namespace ClassicDeploy.Shell;

/// <summary>The shell's command line.</summary>
public sealed class ShellOptions
{
    public const string Usage =
        "Usage: ClassicDeploy.Shell [script.ps1 [script arguments...]] [options]\n" +
        "\n" +
        "Runs a PowerShell script (or an interactive prompt when no script is given) with the\n" +
        "ClassicDeploy module imported and connected. Without --endpoint it starts the embedded\n" +
        "Service Management emulator in process on 127.0.0.1 (in memory) and connects to it.\n" +
        "\n" +
        "Options:\n" +
        "  --endpoint URI               connect to this endpoint instead of starting the emulator\n" +
        "  --subscription-id ID         subscription to connect with (default: a fixed demo id)\n" +
        "  --upgrade-domain-seconds S   emulator: seconds one upgrade domain takes (default 1)\n" +
        "  --module PATH                module folder or manifest to import (default: out/ClassicDeploy)\n" +
        "  --no-connect                 import the module but do not run Connect-ClassicDeploy\n" +
        "  --no-module                  neither import nor connect (the script does; the endpoint is\n" +
        "                               in $ClassicDeployEndpoint, the manifest in $ClassicDeployModule)\n" +
        "  -h, --help                   show this text\n" +
        "\n" +
        "Exit code: 0 when the script succeeded; 1 when it threw a terminating error;\n" +
        "2 when it finished but wrote error records (non-terminating errors);\n" +
        "N when the script ended with 'exit N'; 64 for a bad command line; 130 after a second\n" +
        "Ctrl+C while the first is still stopping the script (the first stops it and exits 1).";

    public const string DemoSubscriptionId = "00000000-0000-0000-0000-000000000001";

    public string? ScriptPath { get; private set; }
    public List<string> ScriptArguments { get; } = new();
    public Uri? Endpoint { get; private set; }
    public string SubscriptionId { get; private set; } = DemoSubscriptionId;
    public double UpgradeDomainSeconds { get; private set; } = 1;
    public string? ModulePath { get; private set; }
    public bool Connect { get; private set; } = true;
    public bool ImportModule { get; private set; } = true;
    public bool ShowHelp { get; private set; }

    /// <summary>Parses the arguments; throws <see cref="FormatException"/> with a readable message.</summary>
    public static ShellOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ShellOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (options.ScriptPath is not null && !arg.StartsWith("--", StringComparison.Ordinal))
            {
                options.ScriptArguments.Add(arg);
                continue;
            }

            switch (arg)
            {
                case "-h":
                case "--help":
                    options.ShowHelp = true;
                    break;
                case "--endpoint":
                    string endpoint = Value(args, ref i);
                    options.Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri)
                        ? uri
                        : throw new FormatException($"--endpoint: '{endpoint}' is not an absolute URI.");
                    break;
                case "--subscription-id":
                    options.SubscriptionId = Value(args, ref i);
                    break;
                case "--upgrade-domain-seconds":
                    string seconds = Value(args, ref i);
                    options.UpgradeDomainSeconds = double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s >= 0
                        ? s
                        : throw new FormatException($"--upgrade-domain-seconds: '{seconds}' is not a number of seconds.");
                    break;
                case "--module":
                    options.ModulePath = Value(args, ref i);
                    break;
                case "--no-connect":
                    options.Connect = false;
                    break;
                case "--no-module":
                    options.ImportModule = false;
                    options.Connect = false;
                    break;
                default:
                    if (arg.StartsWith("-", StringComparison.Ordinal) && options.ScriptPath is null)
                    {
                        throw new FormatException($"Unknown option '{arg}'.");
                    }

                    if (options.ScriptPath is null)
                    {
                        options.ScriptPath = arg;
                    }
                    else
                    {
                        options.ScriptArguments.Add(arg);
                    }

                    break;
            }
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new FormatException($"{args[i]} needs a value.");
        }

        return args[++i];
    }
}
