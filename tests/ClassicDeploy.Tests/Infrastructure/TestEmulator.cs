using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClassicDeploy.Emulator;

namespace ClassicDeploy.Tests.Infrastructure;

/// <summary>
/// The in-process emulator (in memory, real clock, short upgrade domains so -Wait ends quickly)
/// plus the PowerShell sessions connected to it, each on its own subscription.
/// </summary>
public sealed class TestEmulator : IAsyncDisposable
{
    /// <summary>Short enough that a five-domain upgrade finishes well within a second or two.</summary>
    public static readonly TimeSpan DefaultUpgradeDomainDuration = TimeSpan.FromMilliseconds(20);

    private readonly List<PowerShellSession> _sessions = new();

    private TestEmulator(EmulatorHost host) => Host = host;

    public EmulatorHost Host { get; }

    /// <summary>Starts an emulator on 127.0.0.1, a free port; <paramref name="configure"/> adjusts the options.</summary>
    public static async Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            InMemory = true,
            UpgradeDomainDuration = DefaultUpgradeDomainDuration,
        };
        configure?.Invoke(options);
        return new TestEmulator(await EmulatorHost.StartAsync(options).ConfigureAwait(false));
    }

    /// <summary>A new runspace with the module imported and connected to this emulator on a fresh subscription.</summary>
    public PowerShellSession Connect(string? subscriptionId = null)
    {
        PowerShellSession session = PowerShellSession.Open();
        try
        {
            session.Connect(Host.BaseAddress, subscriptionId ?? Guid.NewGuid().ToString());
        }
        catch
        {
            session.Dispose();
            throw;
        }

        lock (_sessions)
        {
            _sessions.Add(session);
        }

        return session;
    }

    /// <summary>The requests this emulator logged for <paramref name="session"/>'s subscription.</summary>
    public IReadOnlyList<RequestLogEntry> RequestsOf(PowerShellSession session) =>
        Host.Requests.Snapshot().Where(r => string.Equals(r.SubscriptionId, session.SubscriptionId, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The mutations (anything but GET) this emulator logged for <paramref name="session"/>'s subscription.</summary>
    public IReadOnlyList<RequestLogEntry> MutationsOf(PowerShellSession session) =>
        RequestsOf(session).Where(r => !string.Equals(r.Method, "GET", StringComparison.OrdinalIgnoreCase)).ToList();

    public async ValueTask DisposeAsync()
    {
        lock (_sessions)
        {
            foreach (PowerShellSession session in _sessions)
            {
                session.Dispose();
            }

            _sessions.Clear();
        }

        await Host.DisposeAsync().ConfigureAwait(false);
    }
}
