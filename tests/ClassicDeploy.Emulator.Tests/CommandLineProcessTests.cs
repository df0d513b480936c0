using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Store;
using ClassicDeploy.Emulator.Tests.Store;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;

namespace ClassicDeploy.Emulator.Tests;

/// <summary>What the emulator process does with command lines and data it cannot use: one line on stderr and exit 2, never a crash.</summary>
public sealed class CommandLineProcessTests
{
    [Fact]
    public async Task Localhost_with_port_0_listens_on_the_loopback_address()
    {
        using var emulator = await EmulatorProcess.StartAsync("--host", "localhost", "--port", "0", "--in-memory", "--quiet");
        Assert.Equal("127.0.0.1", emulator.BaseAddress!.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
    }

    [Fact]
    public async Task A_host_name_is_refused_instead_of_binding_localhost()
    {
        var error = await RefusedAsync("--host", "example.com", "--port", "0", "--in-memory");
        Assert.Equal("--host takes an IP address (or localhost), not 'example.com'.", error[0]);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_one_line_and_exit_2()
    {
        using var directory = new TempDirectory();
        await File.WriteAllBytesAsync(Path.Combine(directory.Path, SqliteStateStore.FileName), Enumerable.Range(0, 8192).Select(i => (byte)(i * 37)).ToArray());
        var error = Assert.Single(await RefusedAsync("--data-dir", directory.Path, "--port", "0"));
        Assert.Contains(SqliteStateStore.FileName + " cannot be read", error);
    }

    [Theory]
    [InlineData("service", "{\"ServiceName\": 5}")]
    [InlineData("service", "null")]
    [InlineData("service", "{\"SubscriptionId\": \"sub\"}")]
    [InlineData("operation", "{not json")]
    public async Task A_damaged_stored_document_is_one_line_and_exit_2(string kind, string json)
    {
        using var directory = new TempDirectory();
        using (var store = new SqliteStateStore(directory.Path))
        {
            store.Commit(new[] { new StoredDocument(kind, "sub/x", json) }, Array.Empty<StoredKey>());
        }

        var error = Assert.Single(await RefusedAsync("--data-dir", directory.Path, "--port", "0"));
        Assert.Contains(SqliteStateStore.FileName + " cannot be read", error);
    }

    /// <summary>Runs the emulator, expects exit 2 and no banner; returns the non-empty stderr lines (no stack trace among them).</summary>
    private static async Task<string[]> RefusedAsync(params string[] args)
    {
        using var process = EmulatorProcess.Launch(args);
        Assert.Equal(2, await process.WaitForExitAsync());
        Assert.DoesNotContain(process.Output, l => l.StartsWith(EmulatorProcess.Banner, StringComparison.Ordinal));
        var error = process.Output.Where(l => l.StartsWith("stderr: ", StringComparison.Ordinal))
            .Select(l => l.Substring("stderr: ".Length)).Where(l => l.Length > 0).ToArray();
        Assert.NotEmpty(error);
        Assert.DoesNotContain(error, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.Ordinal));
        return error.Where(l => l != "Run with --help for the options.").ToArray();
    }
}
