using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.UserExperience;

/// <summary>
/// -AsJob on the long-running cmdlets: a job at once, which Get-Job, Wait-Job, Receive-Job,
/// Stop-Job and Remove-Job handle like the Az cmdlets' jobs.
/// </summary>
public sealed class JobTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public JobTests(EmulatorFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Package $pkg2 -Configuration $cfg2 -Wait", "Upgrade Deployment")]
    [InlineData("Set-DeploymentConfiguration -ServiceName $svc -Slot Production -Configuration $cfg2 -Wait", "Change Deployment Configuration")]
    [InlineData("Switch-DeploymentSlot -ServiceName $svc -Force -Wait", "Swap Deployment")]
    [InlineData("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Manual -Package $pkg2 -Configuration $cfg2 -Wait; Step-UpgradeDomain -ServiceName $svc -Slot Production -Wait", "Walk Upgrade Domain")]
    [InlineData("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Manual -Package $pkg2 -Configuration $cfg2 -Wait; Undo-DeploymentUpgrade -ServiceName $svc -Slot Production -Force -Wait", "Rollback Update Or Upgrade")]
    [InlineData("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Package $pkg2 -Configuration $cfg2 | Wait-DeploymentOperation", "Upgrade Deployment")]
    public void AsJob_returns_a_job_whose_output_Receive_Job_gets(string script, string operation)
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production").WithDeployment("Staging");
        string[] commands = script.Split("; ");
        string last = commands[commands.Length - 1];
        string before = string.Join("; ", commands.Take(commands.Length - 1));

        ScriptResult r = s.Run(
            (before.Length > 0 ? "$null = " + before + "; " : string.Empty) +
            "$job = " + last + " -AsJob; $job.GetType().Name; $job.PSJobTypeName; (Get-Job -Id $job.Id).Id -eq $job.Id; " +
            "$out = $job | Wait-Job -Timeout 60 | Receive-Job; $job.State; $out; $job | Remove-Job").ShouldSucceed();

        Assert.Equal(new object[] { "OperationJob", "ClassicDeployJob", true, "Completed" }, r.Output.Take(4).Select(o => o.BaseObject is JobState st ? st.ToString() : o.BaseObject));
        PSObject done = Assert.Single(r.Output.Skip(4));
        Assert.Equal(operation, done.Text("Operation"));
        Assert.Equal("Succeeded", done.Text("Status"));
    }

    [Fact]
    public void Wait_DeploymentOperation_AsJob_is_one_job_for_everything_piped_and_looks_at_them_with_one_list()
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production").WithDeployment("Staging");
        // Requests after the set-up's last one, by time: the emulator's request log keeps only the newest.
        DateTimeOffset setUp = s.Requests[s.Requests.Count - 1].Time;

        ScriptResult r = s.Run(
            "$ops = 'Production', 'Staging' | ForEach-Object { Invoke-UpgradeDeployment -ServiceName $svc -Slot $_ -Package $pkg2 -Configuration $cfg2 }; " +
            "$jobs = @($ops | Wait-DeploymentOperation -AsJob); $jobs.Count; $out = $jobs | Wait-Job -Timeout 60 | Receive-Job; $out; $jobs | Remove-Job").ShouldSucceed();

        Assert.Equal(1, r.Output[0].BaseObject);
        Assert.Equal(new[] { "Succeeded", "Succeeded" }, r.Output.Skip(1).Select(o => o.Text("Status")));
        var looks = s.Requests.Where(q => q.Time > setUp && q.Path.Contains("/operations", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Contains(looks, q => q.Path.EndsWith("/operations", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(looks, q => !q.Path.EndsWith("/operations", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_failure_makes_the_job_Failed_and_Receive_Job_writes_its_error()
    {
        Scenario s = _fixture.Scenario().WithDeployment();

        ScriptResult r = s.Run("$job = Undo-DeploymentUpgrade -ServiceName $svc -Slot Production -Force -AsJob; $null = $job | Wait-Job -Timeout 60; [string]$job.State; $job | Receive-Job");

        Assert.Equal("Failed", Assert.Single(r.Output).ToString());
        Assert.StartsWith("ClassicDeploy.RollbackNotAllowed", Assert.Single(r.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void WhatIf_with_AsJob_starts_no_job_and_sends_nothing()
    {
        Scenario s = _fixture.Scenario().WithDeployment();
        int mutations = s.Mutations.Count;

        ScriptResult r = s.Run("Remove-Deployment -ServiceName $svc -Slot Production -AsJob -WhatIf; @(Get-Job).Count").ShouldSucceed();

        Assert.Equal(0, Assert.Single(r.Output).BaseObject);
        Assert.Equal(mutations, s.Mutations.Count);
    }

    [Fact]
    public async Task Stop_Job_stops_the_waiting_and_the_operation_goes_on()
    {
        await using TestEmulator slow = await TestEmulator.StartAsync(o => o.UpgradeDomainDuration = TimeSpan.FromMinutes(10));
        var s = new Scenario(slow, slow.Connect()).WithService();

        ScriptResult r = s.Run(
            "$job = New-Deployment -ServiceName $svc -Slot Production -DeploymentName p1 -Package $pkg1 -Configuration $cfg1 -Wait -AsJob; " +
            "while (-not @((Get-CloudService -ServiceName $svc -IncludeDeployments).Deployments).Count) { } " +
            "$job | Stop-Job; [string]$job.State; (Get-Deployment -ServiceName $svc -Slot Production).Status", TimeSpan.FromSeconds(60)).ShouldSucceed();

        Assert.Equal("Stopped", r.Output[0].ToString());
        Assert.Equal("Deploying", r.Output[1].ToString());
    }
}
