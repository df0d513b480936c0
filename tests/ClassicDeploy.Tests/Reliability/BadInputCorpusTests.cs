using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading.Tasks;
using ClassicDeploy.Emulator;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Reliability;

/// <summary>One emulator and one connected runspace for the whole corpus; each case clears the request log first.</summary>
public sealed class BadInputFixture : IAsyncLifetime
{
    public EmulatorHost Host { get; private set; } = null!;

    internal PowerShellSession Session { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await EmulatorHost.StartAsync(new EmulatorOptions { InMemory = true, UpgradeDomainDuration = TimeSpan.FromMilliseconds(10) });
        Session = PowerShellSession.Open(Host.BaseAddress, Guid.NewGuid().ToString());
        Session.Expect(Scenario.Prelude + "; " + Scenario.CreateService("svc1"));
    }

    public async Task DisposeAsync()
    {
        Session?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}

public sealed class BadInputCorpusTests : IClassFixture<BadInputFixture>
{
    private readonly BadInputFixture _fixture;

    public BadInputCorpusTests(BadInputFixture fixture) => _fixture = fixture;

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(TestRepository.BadInputs, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Fact]
    public void Corpus_has_at_least_forty_cases() => Assert.True(Cases().Count() >= 40, "tests/data/bad-inputs must hold at least 40 cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_refused_with_a_clear_error_before_any_request(string file)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRepository.BadInputs, file)));
        string script = doc.RootElement.GetProperty("script").GetString()!;
        string errorId = doc.RootElement.GetProperty("errorId").GetString()!;
        string fragment = doc.RootElement.GetProperty("messageContains").GetString()!;

        _fixture.Host.Requests.Clear();
        ScriptResult result = _fixture.Session.Run(Scenario.Prelude + "; " + script, TimeSpan.FromSeconds(30));

        ErrorRecord error = Assert.Single(result.Errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId + ",", StringComparison.Ordinal);
        string message = (error.ErrorDetails?.Message ?? string.Empty) + " " + (error.Exception?.Message ?? string.Empty);
        Assert.Contains(fragment, message, StringComparison.Ordinal);
        Assert.DoesNotContain("NullReference", error.Exception?.GetType().Name ?? string.Empty, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Empty(_fixture.Host.Requests.Snapshot());
    }
}
