using System;
using ClassicDeploy.Shell;
using Xunit;

namespace ClassicDeploy.Tests.Shell;

public sealed class ShellOptionsTests
{
    [Fact]
    public void Script_options_and_script_arguments()
    {
        ShellOptions options = ShellOptions.Parse(new[]
        {
            "examples/rolling-upgrade.ps1", "--endpoint", "http://127.0.0.1:8080/", "svc", "--subscription-id", "sub-1",
            "--upgrade-domain-seconds", "0.5", "-Force",
        });

        Assert.Equal("examples/rolling-upgrade.ps1", options.ScriptPath);
        Assert.Equal(new Uri("http://127.0.0.1:8080/"), options.Endpoint);
        Assert.Equal("sub-1", options.SubscriptionId);
        Assert.Equal(0.5, options.UpgradeDomainSeconds);
        Assert.Equal(new[] { "svc", "-Force" }, options.ScriptArguments);
        Assert.True(options.ImportModule);
        Assert.True(options.Connect);
    }

    [Theory]
    [InlineData("--endpoint", "not a uri")]
    [InlineData("--upgrade-domain-seconds", "-1")]
    [InlineData("--bogus", "x")]
    [InlineData("--module")]
    public void Bad_command_lines_are_rejected_with_a_message(params string[] args)
    {
        FormatException ex = Assert.Throws<FormatException>(() => ShellOptions.Parse(args));

        Assert.Contains(args[0], ex.Message);
    }

    [Fact]
    public void No_script_means_the_prompt_and_no_module_means_no_connect()
    {
        ShellOptions options = ShellOptions.Parse(new[] { "--no-module" });

        Assert.Null(options.ScriptPath);
        Assert.False(options.ImportModule);
        Assert.False(options.Connect);
        Assert.Equal(ShellOptions.DemoSubscriptionId, options.SubscriptionId);
    }
}
