using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Shell;

/// <summary>The shell end to end: a child process with the embedded emulator, as the README runs it.</summary>
public sealed class ShellProcessTests
{
    private const string Fast = "0.05";

    [Fact]
    public async Task A_script_against_the_embedded_emulator_succeeds_and_its_output_goes_through_the_format_views()
    {
        ShellResult result = await ShellProcess.RunScriptAsync(
            "New-CloudService -ServiceName shell-demo -Location 'West Europe' | Out-Null\nGet-CloudService",
            "--upgrade-domain-seconds", Fast);

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.Output.Split('\n').Select(l => l.TrimEnd()).ToArray();
        Assert.Contains(lines, l => l.StartsWith("ServiceName", StringComparison.Ordinal)); // table header of the view
        Assert.Contains(lines, l => l.StartsWith("shell-demo ", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b[", result.Output); // not a terminal: no escape codes
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task A_terminating_error_exits_1_with_the_message_on_stderr()
    {
        ShellResult result = await ShellProcess.RunScriptAsync("'before'\nthrow 'the upgrade failed its post-check'\n'after'");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("before", result.Output);
        Assert.DoesNotContain("after", result.Output);
        Assert.Contains("the upgrade failed its post-check", result.Error);
    }

    [Fact]
    public async Task A_non_terminating_error_from_a_cmdlet_exits_2_and_the_script_goes_on()
    {
        ShellResult result = await ShellProcess.RunScriptAsync("Get-Deployment -ServiceName missing -Slot Production\n'still here'\n'id ' + $Error[0].FullyQualifiedErrorId");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("still here", result.Output);
        Assert.Contains("id ClassicDeploy.ResourceNotFound", result.Output);
        Assert.Contains("Get-Deployment", result.Error); // the error view, on stderr
    }

    [Fact]
    public async Task Exit_n_in_the_script_is_the_exit_code()
    {
        ShellResult result = await ShellProcess.RunScriptAsync("'partial'\nexit 7");

        Assert.True(result.ExitCode == 7, result.ToString());
    }

    [Fact]
    public async Task Progress_is_one_log_line_per_change_when_output_is_not_a_terminal()
    {
        const string script = """
            foreach ($d in 1..3) {
                Write-Progress -Activity 'Rolling upgrade' -Status "upgrade domain $d of 3" -PercentComplete ($d * 100 / 3)
                Write-Progress -Activity 'Rolling upgrade' -Status "upgrade domain $d of 3" -PercentComplete ($d * 100 / 3)
            }
            Write-Progress -Activity 'Rolling upgrade' -Completed
            'done'
            """;
        ShellResult result = await ShellProcess.RunScriptAsync(script);

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] progress = result.Output.Split('\n').Where(l => l.StartsWith("[progress]", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            new[]
            {
                "[progress] Rolling upgrade: 33% upgrade domain 1 of 3",
                "[progress] Rolling upgrade: 67% upgrade domain 2 of 3",
                "[progress] Rolling upgrade: 100% upgrade domain 3 of 3",
                "[progress] Rolling upgrade: completed",
            },
            progress);
    }

    [Fact]
    public async Task A_manual_rolling_upgrade_logs_the_module_progress_domain_by_domain()
    {
        const string script = """
            $cfg = { param($v) '<?xml version="1.0" encoding="utf-8"?><ServiceConfiguration serviceName="app" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration" osFamily="6" osVersion="*"><Role name="WebRole1"><Instances count="3" /><ConfigurationSettings><Setting name="Version" value="' + $v + '" /></ConfigurationSettings></Role></ServiceConfiguration>' }
            New-CloudService -ServiceName roll -Location 'West Europe' | Out-Null
            New-Deployment -ServiceName roll -Slot Production -DeploymentName v1 -Package 'https://example.blob.core.windows.net/p/v1.cspkg' -Configuration (& $cfg v1) -StartDeployment -Wait | Out-Null
            Invoke-UpgradeDeployment -ServiceName roll -Slot Production -Mode Manual -Package 'https://example.blob.core.windows.net/p/v2.cspkg' -Configuration (& $cfg v2) -Wait | Out-Null
            Step-UpgradeDomain -ServiceName roll -Slot Production -All -Wait | Out-Null
            'walked'
            """;
        ShellResult result = await ShellProcess.RunScriptAsync(script, "--upgrade-domain-seconds", Fast);

        Assert.True(result.ExitCode == 0, result.ToString());
        string[] progress = result.Output.Split('\n').Where(l => l.StartsWith("[progress]", StringComparison.Ordinal)).ToArray();
        int[] domains = progress
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"upgrade domain (\d) of 3", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Distinct()
            .ToArray();
        Assert.True(domains.SequenceEqual(new[] { 1, 2, 3 }), result.ToString());
        Assert.EndsWith(": completed", progress.Last());
        Assert.Contains("walked", result.Output);
    }

    [Fact]
    public async Task Warnings_verbose_and_host_text_reach_the_output()
    {
        ShellResult result = await ShellProcess.RunScriptAsync(
            "Write-Warning 'slot is busy'\nWrite-Verbose 'GET /services' -Verbose\nWrite-Host 'walking domain' -ForegroundColor Cyan");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("WARNING: slot is busy", result.Output);
        Assert.Contains("VERBOSE: GET /services", result.Output);
        Assert.Contains("walking domain", result.Output);
    }

    [Fact]
    public async Task Without_a_script_it_is_a_prompt_that_reads_lines_until_exit()
    {
        ShellResult result = await ShellProcess.RunAsync(new[] { "--no-connect" }, "6 * 7\n(Get-Command -Module ClassicDeploy).Count -gt 0\nexit\n'never'\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("PS ClassicDeploy> ", result.Output);
        Assert.Contains("42", result.Output);
        Assert.Contains("True", result.Output);
        Assert.DoesNotContain("never", result.Output);
    }

    [Fact]
    public async Task Help_and_a_bad_command_line()
    {
        ShellResult help = await ShellProcess.RunAsync(new[] { "--help" }, null);
        ShellResult bad = await ShellProcess.RunAsync(new[] { "--upgrade-domain-seconds", "soon" }, null);

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Exit code:", help.Output);
        Assert.Equal(64, bad.ExitCode);
        Assert.Contains("--upgrade-domain-seconds", bad.Error);
    }

    [Fact]
    public async Task The_readme_main_job_runs_to_completion()
    {
        string example = Path.Combine(TestRepository.Root, "examples", "rolling-upgrade.ps1");

        ShellResult result = await ShellProcess.RunAsync(new[] { example, "--upgrade-domain-seconds", Fast }, null);

        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
