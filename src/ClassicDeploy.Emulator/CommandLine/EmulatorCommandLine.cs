using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace ClassicDeploy.Emulator.CommandLine;

/// <summary>The emulator's command line (System.CommandLine over <see cref="EmulatorFlags"/>), turned into <see cref="EmulatorOptions"/>.</summary>
internal sealed class EmulatorCommandLine
{
    /// <summary>Exit code of a refused command line, and of a start that cannot go on.</summary>
    public const int UsageError = 2;

    public const string Description =
        "ClassicDeploy emulator: the Azure Service Management API (Cloud Services, classic) on your machine.";

    public const string Epilog =
        """
        The first line on stdout is "ClassicDeploy emulator listening on <base-address>".
        Stop with Ctrl+C or SIGTERM.
        """;

    public EmulatorOptions Options { get; } = new();

    public bool Quiet { get; set; }

    /// <summary>--parent-pid: the process whose end ends the emulator (Start-ClassicDeployEmulator passes its own).</summary>
    public int? ParentProcessId { get; set; }

    internal bool Https { get; set; }

    internal string? CertificatePath { get; set; }

    internal string? CertificatePassword { get; set; }

    internal List<(string Subscription, string Path)> ManagementCertificates { get; } = new();

    internal FaultInjectionOptions Faults => this.Options.Faults ??= new FaultInjectionOptions();

    /// <summary>Parses <paramref name="args"/>: flag values, ranges and combinations are checked here (see <see cref="ParseResult.Errors"/>).</summary>
    public static ParseResult Parse(IReadOnlyList<string> args) => Command().Parse(args);

    /// <summary>
    /// Parses and runs: <c>--help</c> prints help (exit 0); a refused command line prints the library's errors
    /// (exit <see cref="UsageError"/>); otherwise <paramref name="run"/> gets the bound command line.
    /// </summary>
    public static async Task<int> InvokeAsync(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, Func<EmulatorCommandLine, CancellationToken, Task<int>> run)
    {
        var root = Command();
        root.SetAction((result, cancellation) => run(Bind(result), cancellation));
        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction errors)
        {
            errors.ShowHelp = false;
            errors.ShowTypoCorrections = false;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // The caller reports start failures in one line and handles SIGINT/SIGTERM itself.
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        var code = await parsed.InvokeAsync(configuration).ConfigureAwait(false);
        if (parsed.Errors.Count > 0)
        {
            await error.WriteLineAsync("Run with --help for the options.").ConfigureAwait(false);
            return UsageError;
        }

        return code;
    }

    /// <summary>Applies the given flags of a parse without errors; loads the certificates they name.</summary>
    public static EmulatorCommandLine Bind(ParseResult result)
    {
        if (result.Errors.Count > 0)
        {
            throw new ArgumentException(result.Errors[0].Message);
        }

        var bound = new EmulatorCommandLine();
        foreach (var flag in EmulatorFlags.All)
        {
            flag.Apply(result, bound);
        }

        var o = bound.Options;
        if (!o.InMemory && o.DataDirectory is null)
        {
            o.DataDirectory = DefaultDataDirectory();
        }

        if (bound.Https)
        {
            o.ServerCertificate = X509CertificateLoader.LoadPkcs12FromFile(bound.CertificatePath!, bound.CertificatePassword);
        }

        foreach (var (subscription, path) in bound.ManagementCertificates)
        {
            AddManagementCertificate(o, subscription, path);
        }

        return bound;
    }

    public static string DefaultDataDirectory()
    {
        var root = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(root, "ClassicDeploy", "emulator");
    }

    private static RootCommand Command()
    {
        var root = new RootCommand(Description);
        foreach (var version in root.Options.OfType<VersionOption>().ToList())
        {
            root.Options.Remove(version);
        }

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithEpilog((HelpAction)help.Action!);
        foreach (var flag in EmulatorFlags.All)
        {
            root.Options.Add(flag.Option);
        }

        root.Validators.Add(command =>
        {
            bool Given(string name) => command.Children.OfType<OptionResult>().Any(o => o.Option.Name == name && !o.Implicit);
            if (Given("--in-memory") && Given("--data-dir"))
            {
                command.AddError("Use either --data-dir or --in-memory, not both.");
            }

            if (Given("--https") && !Given("--certificate"))
            {
                command.AddError("--https needs --certificate server.pfx.");
            }

            if (!Given("--https") && (Given("--certificate") || Given("--management-certificate")))
            {
                command.AddError("--certificate and --management-certificate need --https.");
            }
        });
        return root;
    }

    private static void AddManagementCertificate(EmulatorOptions o, string subscription, string path)
    {
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(path);
        if (!o.ManagementCertificates.TryGetValue(subscription, out var thumbprints))
        {
            thumbprints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            o.ManagementCertificates[subscription] = thumbprints;
        }

        thumbprints.Add(certificate.Thumbprint.ToUpperInvariant());
    }

    /// <summary>The library's help, then what the emulator prints first and how to stop it.</summary>
    private sealed class HelpWithEpilog : SynchronousCommandLineAction
    {
        private readonly HelpAction _help;

        public HelpWithEpilog(HelpAction help) => _help = help;

        public override int Invoke(ParseResult parseResult)
        {
            _help.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(Epilog);
            return 0;
        }
    }
}
