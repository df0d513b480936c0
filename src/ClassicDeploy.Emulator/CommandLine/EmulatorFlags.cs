using System;
using System.Collections.Generic;
using System.Net;
using ClassicDeploy.Emulator.State;

namespace ClassicDeploy.Emulator.CommandLine;

/// <summary>Every flag of the emulator, in the order --help lists them. A new flag is one entry here.</summary>
internal static class EmulatorFlags
{
    public static IReadOnlyList<Flag> All { get; } = new[]
    {
        Flag.Int("--port", "N", "port to listen on (default 0: pick a free port)", 0, 65535, (c, v) => c.Options.Port = v),
        Flag.Parsed("--host", "H", "IP address to bind, or localhost for 127.0.0.1 (default 127.0.0.1)", Host, (c, v) => c.Options.Host = v),
        Flag.Text(
            "--data-dir",
            "DIR",
            "keep state in a SQLite database in DIR (default: $XDG_DATA_HOME/ClassicDeploy/emulator, or ~/.local/share/ClassicDeploy/emulator without XDG_DATA_HOME)",
            (c, v) => c.Options.DataDirectory = v),
        Flag.Switch("--in-memory", "keep state in memory only; nothing survives a restart", c => c.Options.InMemory = true),
        Flag.Number("--upgrade-domain-seconds", "S", "time each upgrade domain takes (default 1)", 0, 86400, (c, v) => c.Options.UpgradeDomainDuration = TimeSpan.FromSeconds(v)),
        Flag.Number("--accept-seconds", "S", "how long accepting an update or a walk keeps the deployment Locked (default: a quarter of an upgrade domain)", 0.001, 86400, (c, v) => c.Options.AcceptDuration = TimeSpan.FromSeconds(v)),
        Flag.Number("--instance-start-seconds", "S", "from an instance's update to ReadyRole (default: half an upgrade domain)", 0.001, 86400, (c, v) => c.Options.InstanceStartDuration = TimeSpan.FromSeconds(v)),
        Flag.Number("--start-timeout-seconds", "S", "role-instance start timeout: an Auto update walks on after it even if instances are not ready (default: ten upgrade domains)", 0.001, 864000, (c, v) => c.Options.StartTimeout = TimeSpan.FromSeconds(v)),
        Flag.Many(
            "--package-behavior",
            "PATTERN=BEHAVIOR",
            "instances of packages whose URL matches PATTERN (* and ?, whole URL, any letter case) are Healthy, Crash (never ready), Invalid (the update fails) or Slow (ten times the start time); repeat for more, the first match wins",
            PackageBehaviorRule.Parse,
            (c, rule) => c.Options.PackageBehaviors.Add(rule)),
        Flag.Int("--upgrade-domain-count", "N", "upgrade domains per deployment (default 5)", 1, 20, (c, v) => c.Options.UpgradeDomainCount = v),
        Flag.Switch("--https", "serve HTTPS; each request must present a registered management certificate as its TLS client certificate", c => c.Https = true),
        Flag.Text("--certificate", "PATH", "server certificate (PFX), required with --https", (c, v) => c.CertificatePath = v),
        Flag.Text("--certificate-password", "P", "password of the server certificate", (c, v) => c.CertificatePassword = v),
        Flag.Pairs("--management-certificate", "SUB=PATH", "register the certificate (.cer) for subscription SUB; repeat for more", (c, sub, path) => c.ManagementCertificates.Add((sub, path))),
        Flag.Number("--fault-rate", "R", "share (0..1) of requests to fault (default 0: none)", 0, 1, (c, v) => c.Faults.Rate = v),
        Flag.Int("--fault-seed", "S", "seed of the fault sequence (default 0)", int.MinValue, int.MaxValue, (c, v) => c.Faults.Seed = v),
        Flag.List("--fault-kinds", "K,...", "503, 500, reset, latency (default: all)", Kind, (c, kinds) =>
        {
            foreach (var kind in kinds)
            {
                c.Faults.Kinds.Add(kind);
            }
        }),
        Flag.List("--fault-methods", "M,...", "only fault these HTTP methods (default: all)", m => m.ToUpperInvariant(), (c, methods) =>
        {
            foreach (var method in methods)
            {
                c.Faults.Methods.Add(method);
            }
        }),
        Flag.Int("--fault-latency-ms", "N", "delay of a latency fault (default 200)", 0, 600000, (c, v) => c.Faults.Latency = TimeSpan.FromMilliseconds(v)),
        Flag.Int("--fault-retry-after", "S", "Retry-After seconds of a 503 fault (default 1)", 0, 86400, (c, v) => c.Faults.RetryAfterSeconds = v),
        Flag.Switch("--quiet", "do not log requests", c => c.Quiet = true),
        Flag.Int(
            "--parent-pid",
            "PID",
            "run as PID's child: in a session of its own (Unix), so Ctrl+C in PID's terminal does not reach it, and exit when PID is gone",
            1,
            int.MaxValue,
            (c, v) => c.ParentProcessId = v),
        Flag.Int("--request-log-size", "N", "requests kept in memory for inspection, the newest (default 10000; 0: none)", 0, 1_000_000, (c, v) => c.Options.RequestLogCapacity = v),
    };

    /// <summary>Kestrel binds addresses; a host name other than localhost would silently bind something else.</summary>
    private static string Host(string text) =>
        string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1"
        : IPAddress.TryParse(text, out _) ? text
        : throw new FormatException($"--host takes an IP address (or localhost), not '{text}'.");

    private static FaultKind Kind(string text) => text.ToLowerInvariant() switch
    {
        "503" or "serviceunavailable" => FaultKind.ServiceUnavailable,
        "500" or "internalerror" => FaultKind.InternalError,
        "reset" or "connectionreset" => FaultKind.ConnectionReset,
        "latency" => FaultKind.Latency,
        _ => throw new FormatException($"Unknown fault kind '{text}'; use 503, 500, reset or latency."),
    };
}
