using System;
using System.Threading.Tasks;
using Xunit;

namespace ClassicDeploy.Tests.Infrastructure;

/// <summary>
/// xunit class fixture: one emulator for a test class (<c>IClassFixture&lt;EmulatorFixture&gt;</c>).
/// Tests share it but not state: each <see cref="Connect"/> gets its own subscription, and
/// <see cref="Scenario"/> makes uniquely named services.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private TestEmulator? _emulator;

    /// <summary>The running emulator.</summary>
    public TestEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>A new connected session on a fresh subscription (disposed with the fixture).</summary>
    public PowerShellSession Connect(string? subscriptionId = null) => Emulator.Connect(subscriptionId);

    /// <summary>A connected session plus helpers that build services and deployments with the cmdlets.</summary>
    public Scenario Scenario() => new Scenario(Emulator, Connect());

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync().ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_emulator != null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
