using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.CommandLine;
using Xunit;

namespace ClassicDeploy.Emulator.Tests;

public sealed class CommandLineTests
{
    private static readonly string[] EveryFlag =
    {
        "--port", "--host", "--data-dir", "--in-memory", "--upgrade-domain-seconds", "--upgrade-domain-count", "--https",
        "--certificate", "--certificate-password", "--management-certificate", "--fault-rate", "--fault-seed", "--fault-kinds",
        "--fault-methods", "--fault-latency-ms", "--fault-retry-after", "--quiet", "--help",
        "--accept-seconds", "--instance-start-seconds", "--start-timeout-seconds", "--package-behavior",
    };

    [Fact]
    public void Update_times_and_package_behaviors_become_options_in_order()
    {
        var o = Bind(
            "--accept-seconds", "0.25", "--instance-start-seconds", "3", "--start-timeout-seconds", "120",
            "--package-behavior", "*bad*=Crash", "--package-behavior", "https://x/p.cspkg?sig=a=b=invalid", "--package-behavior", "*SLOW?=slow").Options;
        Assert.Equal(TimeSpan.FromMilliseconds(250), o.AcceptDuration);
        Assert.Equal(TimeSpan.FromSeconds(3), o.InstanceStartDuration);
        Assert.Equal(TimeSpan.FromSeconds(120), o.StartTimeout);
        Assert.Equal(
            new[]
            {
                new ClassicDeploy.Emulator.State.PackageBehaviorRule("*bad*", ClassicDeploy.Emulator.State.PackageBehavior.Crash),
                new ClassicDeploy.Emulator.State.PackageBehaviorRule("https://x/p.cspkg?sig=a=b", ClassicDeploy.Emulator.State.PackageBehavior.Invalid),
                new ClassicDeploy.Emulator.State.PackageBehaviorRule("*SLOW?", ClassicDeploy.Emulator.State.PackageBehavior.Slow),
            },
            o.PackageBehaviors);
        Assert.Null(Bind().Options.AcceptDuration);
        Assert.Empty(Bind().Options.PackageBehaviors);
    }

    [Fact]
    public void Flags_become_options()
    {
        var parsed = Bind(
            "--port", "8080", "--host", "0.0.0.0", "--data-dir", "/tmp/x", "--upgrade-domain-seconds", "0.5",
            "--upgrade-domain-count", "3", "--fault-rate", "0.25", "--fault-seed", "9", "--fault-kinds", "503,500,reset,latency",
            "--fault-methods", "get,POST", "--fault-latency-ms", "50", "--fault-retry-after", "7", "--quiet");
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
        Assert.Equal(TimeSpan.FromMilliseconds(50), o.Faults.Latency);
        Assert.Equal(7, o.Faults.RetryAfterSeconds);
        Assert.True(parsed.Quiet);
        Assert.Null(o.ServerCertificate);
    }

    [Fact]
    public void Default_store_is_durable_under_the_user_data_directory()
    {
        var o = Bind().Options;
        Assert.False(o.InMemory);
        Assert.Equal(EmulatorCommandLine.DefaultDataDirectory(), o.DataDirectory);
        Assert.EndsWith(Path.Combine("ClassicDeploy", "emulator"), o.DataDirectory);
        Assert.Equal(0, o.Port);
        Assert.Equal("127.0.0.1", o.Host);
        Assert.Null(o.Faults);
    }

    [Fact]
    public void In_memory_has_no_data_directory()
    {
        var o = Bind("--in-memory").Options;
        Assert.True(o.InMemory);
        Assert.Null(o.DataDirectory);
    }

    [Fact]
    public void Localhost_binds_the_loopback_address()
    {
        Assert.Equal("127.0.0.1", Bind("--host", "localhost").Options.Host);
    }

    [Theory]
    [InlineData("--port takes a whole number from 0 to 65535.", "--port", "x")]
    [InlineData("--port takes a whole number from 0 to 65535.", "--port", "70000")]
    [InlineData("--port", "--port")]
    [InlineData("--fault-rate takes a number from 0 to 1.", "--fault-rate", "2")]
    [InlineData("Unknown fault kind 'teapot'", "--fault-kinds", "teapot")]
    [InlineData("--bogus", "--bogus")]
    [InlineData("Use either --data-dir or --in-memory, not both.", "--in-memory", "--data-dir", "/tmp/x")]
    [InlineData("--https needs --certificate", "--https")]
    [InlineData("--management-certificate takes SUB=PATH.", "--https", "--certificate", "s.pfx", "--management-certificate", "sub")]
    [InlineData("need --https", "--management-certificate", "sub=a.cer")]
    [InlineData("--host takes an IP address (or localhost), not 'example.com'.", "--host", "example.com")]
    [InlineData("'Broken' is not a package behavior; use Healthy, Crash, Invalid or Slow.", "--package-behavior", "*x*=Broken")]
    [InlineData("'*x*' is not PATTERN=BEHAVIOR", "--package-behavior", "*x*")]
    [InlineData("--accept-seconds takes a number from 0.001 to 86400.", "--accept-seconds", "0")]
    public async Task Bad_flags_are_refused_by_the_parser_with_a_message_and_exit_2(string message, params string[] args)
    {
        Assert.NotEmpty(EmulatorCommandLine.Parse(args).Errors);
        var (code, output, error, ran) = await InvokeAsync(args);
        Assert.Equal(EmulatorCommandLine.UsageError, code);
        Assert.False(ran);
        Assert.Contains(message, error);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task Help_names_every_flag_its_value_and_the_default_data_directory_and_exits_0()
    {
        var (code, output, error, ran) = await InvokeAsync("--help");
        Assert.Equal(0, code);
        Assert.False(ran);
        Assert.Equal(string.Empty, error);
        foreach (var flag in EveryFlag)
        {
            Assert.Contains(flag, output);
        }

        Assert.Contains("--port <N>", output);
        Assert.Contains("--management-certificate <SUB=PATH>", output);
        Assert.Contains("XDG_DATA_HOME", output);
        Assert.Contains("~/.local/share/ClassicDeploy/emulator", output);
        Assert.Contains(EmulatorCommandLine.Epilog, output);
        Assert.DoesNotContain("--version", output);
    }

    [Fact]
    public async Task A_good_command_line_runs_with_the_bound_options()
    {
        EmulatorCommandLine? seen = null;
        var code = await EmulatorCommandLine.InvokeAsync(new[] { "--in-memory", "--port", "5" }, TextWriter.Null, TextWriter.Null, (c, _) =>
        {
            seen = c;
            return Task.FromResult(7);
        });
        Assert.Equal(7, code);
        Assert.Equal(5, seen!.Options.Port);
        Assert.True(seen.Options.InMemory);
    }

    private static EmulatorCommandLine Bind(params string[] args) => EmulatorCommandLine.Bind(EmulatorCommandLine.Parse(args));

    private static async Task<(int Code, string Output, string Error, bool Ran)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var ran = false;
        var code = await EmulatorCommandLine.InvokeAsync(args, output, error, (_, _) =>
        {
            ran = true;
            return Task.FromResult(0);
        });
        return (code, output.ToString(), error.ToString(), ran);
    }
}
