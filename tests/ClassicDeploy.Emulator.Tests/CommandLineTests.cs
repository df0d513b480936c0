using System;
using System.IO;
using Xunit;

namespace ClassicDeploy.Emulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Flags_become_options()
    {
        var parsed = EmulatorCommandLine.Parse(new[]
        {
            "--port", "8080", "--host", "0.0.0.0", "--data-dir", "/tmp/x", "--upgrade-domain-seconds", "0.5",
            "--upgrade-domain-count", "3", "--fault-rate", "0.25", "--fault-seed", "9", "--fault-kinds", "503,500,reset,latency",
            "--fault-methods", "get,POST", "--quiet",
        });
        var o = parsed.Options;
        Assert.Equal(8080, o.Port);
        Assert.Equal("0.0.0.0", o.Host);
        Assert.Equal("/tmp/x", o.DataDirectory);
        Assert.False(o.InMemory);
        Assert.Equal(TimeSpan.FromMilliseconds(500), o.UpgradeDomainDuration);
        Assert.Equal(3, o.UpgradeDomainCount);
        Assert.Equal(0.25, o.Faults!.Rate);
        Assert.Equal(9, o.Faults.Seed);
        Assert.Equal(new[] { FaultKind.ServiceUnavailable, FaultKind.InternalError, FaultKind.ConnectionReset, FaultKind.Latency }, o.Faults.Kinds);
        Assert.True(o.Faults.Methods.SetEquals(new[] { "GET", "POST" }));
        Assert.True(parsed.Quiet);
        Assert.Null(o.ServerCertificate);
    }

    [Fact]
    public void Default_store_is_durable_under_the_user_data_directory()
    {
        var o = EmulatorCommandLine.Parse(Array.Empty<string>()).Options;
        Assert.False(o.InMemory);
        Assert.Equal(EmulatorCommandLine.DefaultDataDirectory(), o.DataDirectory);
        Assert.EndsWith(Path.Combine("ClassicDeploy", "emulator"), o.DataDirectory);
        Assert.Equal(0, o.Port);
        Assert.Null(o.Faults);
    }

    [Fact]
    public void In_memory_has_no_data_directory()
    {
        var o = EmulatorCommandLine.Parse(new[] { "--in-memory" }).Options;
        Assert.True(o.InMemory);
        Assert.Null(o.DataDirectory);
    }

    [Theory]
    [InlineData("--port")]
    [InlineData("--port", "x")]
    [InlineData("--port", "70000")]
    [InlineData("--fault-rate", "2")]
    [InlineData("--fault-kinds", "teapot")]
    [InlineData("--bogus")]
    [InlineData("--in-memory", "--data-dir", "/tmp/x")]
    [InlineData("--https")]
    [InlineData("--management-certificate", "sub")]
    public void Bad_flags_are_refused_with_a_message(params string[] args)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => EmulatorCommandLine.Parse(args));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void Help_names_every_flag_and_the_default_data_directory()
    {
        Assert.True(EmulatorCommandLine.Parse(new[] { "--help" }).Help);
        foreach (var flag in new[] { "--port", "--host", "--data-dir", "--in-memory", "--upgrade-domain-seconds", "--upgrade-domain-count", "--https", "--certificate", "--certificate-password", "--management-certificate", "--fault-rate", "--fault-seed", "--fault-kinds", "--fault-methods" })
        {
            Assert.Contains(flag, EmulatorCommandLine.Usage);
        }

        Assert.Contains("XDG_DATA_HOME", EmulatorCommandLine.Usage);
        Assert.Contains("~/.local/share/ClassicDeploy/emulator", EmulatorCommandLine.Usage);
    }
}
