using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography.X509Certificates;

namespace ClassicDeploy.Emulator;

/// <summary>The emulator's command-line flags, turned into <see cref="EmulatorOptions"/>.</summary>
internal sealed class EmulatorCommandLine
{
    public const string Usage =
        """
        ClassicDeploy emulator: the Azure Service Management API (Cloud Services, classic) on your machine.

        Usage: ClassicDeploy.Emulator [options]

          --port N                      port to listen on (default 0: pick a free port)
          --host H                      address to bind (default 127.0.0.1)
          --data-dir DIR                keep state in a SQLite database in DIR (default:
                                        $XDG_DATA_HOME/ClassicDeploy/emulator, or
                                        ~/.local/share/ClassicDeploy/emulator without XDG_DATA_HOME)
          --in-memory                   keep state in memory only; nothing survives a restart
          --upgrade-domain-seconds S    time each upgrade domain takes (default 1)
          --upgrade-domain-count N      upgrade domains per deployment (default 5)
          --https                       serve HTTPS; each request must present a registered
                                        management certificate as its TLS client certificate
          --certificate PATH            server certificate (PFX), required with --https
          --certificate-password P      password of the server certificate
          --management-certificate SUB=PATH
                                        register the certificate (.cer) for subscription SUB;
                                        repeat for more
          --fault-rate R                share (0..1) of requests to fault (default 0: none)
          --fault-seed S                seed of the fault sequence (default 0)
          --fault-kinds K,...           503, 500, reset, latency (default: all)
          --fault-methods M,...         only fault these HTTP methods (default: all)
          --fault-latency-ms N          delay of a latency fault (default 200)
          --fault-retry-after S         Retry-After seconds of a 503 fault (default 1)
          --quiet                       do not log requests
          --help                        show this text

        The first line on stdout is "ClassicDeploy emulator listening on <base-address>".
        Stop with Ctrl+C or SIGTERM.
        """;

    public EmulatorOptions Options { get; } = new();

    public bool Help { get; private set; }

    public bool Quiet { get; private set; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static EmulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new EmulatorCommandLine();
        var o = result.Options;
        var https = false;
        string? certificatePath = null;
        string? certificatePassword = null;
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{flag} needs a value.");
            switch (flag)
            {
                case "--help" or "-h" or "-?":
                    result.Help = true;
                    break;
                case "--port":
                    o.Port = Int(flag, Value(), 0, 65535);
                    break;
                case "--host":
                    o.Host = Value();
                    break;
                case "--data-dir":
                    o.DataDirectory = Value();
                    break;
                case "--in-memory":
                    o.InMemory = true;
                    break;
                case "--upgrade-domain-seconds":
                    o.UpgradeDomainDuration = TimeSpan.FromSeconds(Double(flag, Value(), 0, 86400));
                    break;
                case "--upgrade-domain-count":
                    o.UpgradeDomainCount = Int(flag, Value(), 1, 20);
                    break;
                case "--https":
                    https = true;
                    break;
                case "--certificate":
                    certificatePath = Value();
                    break;
                case "--certificate-password":
                    certificatePassword = Value();
                    break;
                case "--management-certificate":
                    AddManagementCertificate(o, Value());
                    break;
                case "--fault-rate":
                    Faults(o).Rate = Double(flag, Value(), 0, 1);
                    break;
                case "--fault-seed":
                    Faults(o).Seed = Int(flag, Value(), int.MinValue, int.MaxValue);
                    break;
                case "--fault-kinds":
                    foreach (var kind in List(Value()))
                    {
                        Faults(o).Kinds.Add(Kind(kind));
                    }

                    break;
                case "--fault-methods":
                    foreach (var method in List(Value()))
                    {
                        Faults(o).Methods.Add(method.ToUpperInvariant());
                    }

                    break;
                case "--fault-latency-ms":
                    Faults(o).Latency = TimeSpan.FromMilliseconds(Int(flag, Value(), 0, 600000));
                    break;
                case "--fault-retry-after":
                    Faults(o).RetryAfterSeconds = Int(flag, Value(), 0, 86400);
                    break;
                case "--quiet":
                    result.Quiet = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {flag}.");
            }
        }

        if (o.InMemory && o.DataDirectory is not null)
        {
            throw new ArgumentException("Use either --data-dir or --in-memory, not both.");
        }

        if (!o.InMemory && o.DataDirectory is null)
        {
            o.DataDirectory = DefaultDataDirectory();
        }

        if (https)
        {
            if (certificatePath is null)
            {
                throw new ArgumentException("--https needs --certificate server.pfx.");
            }

            o.ServerCertificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, certificatePassword);
        }
        else if (certificatePath is not null || o.ManagementCertificates.Count > 0)
        {
            throw new ArgumentException("--certificate and --management-certificate need --https.");
        }

        return result;
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

    private static void AddManagementCertificate(EmulatorOptions o, string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == value.Length - 1)
        {
            throw new ArgumentException("--management-certificate takes SUBSCRIPTION=path.cer.");
        }

        var subscription = value.Substring(0, equals);
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(value.Substring(equals + 1));
        if (!o.ManagementCertificates.TryGetValue(subscription, out var thumbprints))
        {
            thumbprints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            o.ManagementCertificates[subscription] = thumbprints;
        }

        thumbprints.Add(certificate.Thumbprint.ToUpperInvariant());
    }

    private static FaultInjectionOptions Faults(EmulatorOptions o) => o.Faults ??= new FaultInjectionOptions();

    private static FaultKind Kind(string text) => text.ToLowerInvariant() switch
    {
        "503" or "serviceunavailable" => FaultKind.ServiceUnavailable,
        "500" or "internalerror" => FaultKind.InternalError,
        "reset" or "connectionreset" => FaultKind.ConnectionReset,
        "latency" => FaultKind.Latency,
        _ => throw new ArgumentException($"Unknown fault kind '{text}'; use 503, 500, reset or latency."),
    };

    private static string[] List(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Int(string flag, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{flag} takes a whole number from {min} to {max}.");

    private static double Double(string flag, string text, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{flag} takes a number from {min} to {max}.");
}
