using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ClassicDeploy.Emulator;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.UserExperience;

/// <summary>
/// Confirmation the PowerShell way: -Force skips it on every mutation (-WhatIf still wins), a host
/// that cannot ask gives ConfirmationRequired before any request, and the API's data-loss flag is
/// -AllowLocalDataLoss. The hosted runspace cannot prompt, like pwsh -NonInteractive (tested under
/// real pwsh in tests/pester/UserExperience.Tests.ps1).
/// </summary>
public sealed class ConfirmationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public ConfirmationTests(EmulatorFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("Remove-Deployment -ServiceName $svc -Slot Production")]
    [InlineData("Switch-DeploymentSlot -ServiceName $svc")]
    [InlineData("Undo-DeploymentUpgrade -ServiceName $svc -Slot Production")]
    public void A_confirmation_the_host_cannot_ask_is_ConfirmationRequired_and_sends_nothing(string command)
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production").WithDeployment("Staging").WithManualUpgrade();
        int mutations = s.Mutations.Count;

        ScriptResult r = s.Run(command + "; 'after'");

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.ConfirmationRequired,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("pass -Force (or -Confirm:$false)", error.ToString());
        Assert.Equal(mutations, s.Mutations.Count);
    }

    [Fact]
    public void Force_skips_the_confirmation_of_a_deletion()
    {
        Scenario s = _fixture.Scenario().WithDeployment();

        PSObject removed = s.Run("Remove-Deployment -ServiceName $svc -Slot Production -Force -Wait").ShouldSucceed().Single();
        ScriptResult after = s.Run("Get-Deployment -ServiceName $svc");

        Assert.Equal("Succeeded", removed.Text("Status"));
        Assert.Empty(after.ShouldSucceed().Output);
    }

    [Fact]
    public void Force_skips_the_confirmation_of_a_swap_and_of_a_rollback()
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production", "blue").WithDeployment("Staging", "green").WithManualUpgrade();

        ScriptResult r = s.Run(
            "Undo-DeploymentUpgrade -ServiceName $svc -Slot Production -Force -Wait; Switch-DeploymentSlot -ServiceName $svc -Force -Wait").ShouldSucceed();

        Assert.Equal(new[] { "Succeeded", "Succeeded" }, r.Output.Select(o => o.Text("Status")));
        Assert.Equal("green", s.Run("(Get-Deployment -ServiceName $svc -Slot Production).DeploymentName").ShouldSucceed().Single().ToString());
    }

    [Fact]
    public void An_upgrade_reads_the_deployment_first_only_when_its_question_is_shown()
    {
        Scenario s = _fixture.Scenario().WithDeployment().WithManualUpgrade();
        const string Upgrade = "Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Manual -Package $pkg2 -Configuration $cfg2";

        // -Verbose shows ShouldProcess's question, which says what the new update supersedes: read first.
        // (Found from the end of the log: the emulator's request log keeps only the newest requests.)
        ScriptResult shown = s.Run(Upgrade + " -Label v3 -Verbose -Wait").ShouldSucceed();
        Assert.Contains(shown.Verbose, v => v.Message.Contains("superseding the Manual update in progress (upgrade domain 0 of", StringComparison.Ordinal));
        var log = s.Requests.ToList();
        int post = log.FindLastIndex(r => r.Method == "POST");
        Assert.Equal("GET", log[post - 1].Method);
        Assert.EndsWith("/deploymentslots/production", log[post - 1].Path, StringComparison.OrdinalIgnoreCase);

        // Nobody sees the question: right after the marker read, the POST.
        s.Run("$null = Get-CloudService -ServiceName $svc").ShouldSucceed();
        s.Run(Upgrade + " -Label v4").ShouldSucceed();
        RequestLogEntry[] last = s.Requests.Skip(s.Requests.Count - 2).ToArray();
        Assert.Equal(new[] { "GET", "POST" }, last.Select(r => r.Method).ToArray());
        Assert.EndsWith("/services/hostedservices/" + s.ServiceName, last[0].Path, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void WhatIf_wins_over_Force()
    {
        Scenario s = _fixture.Scenario().WithDeployment();
        int mutations = s.Mutations.Count;

        ScriptResult r = s.Run("Remove-Deployment -ServiceName $svc -Slot Production -Force -WhatIf").ShouldSucceed();

        Assert.Empty(r.Output);
        Assert.Equal(mutations, s.Mutations.Count);
    }

    [Fact]
    public void Every_cmdlet_that_asks_for_confirmation_has_Force()
    {
        using PowerShellSession session = PowerShellSession.Open();

        string[] without = session.Run(
            "Get-Command -Module ClassicDeploy | Where-Object { $_.Parameters.ContainsKey('WhatIf') -and $_.Noun -notlike 'ClassicDeployEmulator' -and -not $_.Parameters.ContainsKey('Force') } | ForEach-Object { $_.Name }")
            .ShouldSucceed().Output.Select(o => o.ToString()).ToArray();

        Assert.Empty(without);
    }

    [Theory]
    [InlineData("Invoke-UpgradeDeployment -ServiceName svc -Slot Production -Package https://example.test/p.cspkg -Configuration $cfg", "UpgradeDeployment")]
    [InlineData("Undo-DeploymentUpgrade -ServiceName svc -Slot Production -Force", "RollbackUpdateOrUpgrade")]
    public async Task AllowLocalDataLoss_is_the_APIs_Force_flag(string command, string element)
    {
        await using var server = new ScriptedServer(request =>
            request.Method == "POST" ? new ScriptedResponse(202)
            : request.PathAndQuery.Contains("/operations/", StringComparison.Ordinal) ? new ScriptedResponse(200, ScriptedServer.OperationXml("0123456789abcdef0123456789abcdef", "InProgress"))
            : new ScriptedResponse(200, DeploymentXml));
        using PowerShellSession session = PowerShellSession.Open().Connect(server.Endpoint, Guid.NewGuid().ToString());
        session.SetVariable("cfg", ServiceConfigurationXml.For("v2"));

        session.Run(command).ShouldSucceed();
        session.Run(command + " -AllowLocalDataLoss").ShouldSucceed();

        string[] bodies = server.Requests.Where(r => r.Method == "POST").Select(r => r.Body).ToArray();
        Assert.Equal(2, bodies.Length);
        Assert.Contains("<" + element, bodies[0]);
        Assert.Contains("<Force>false</Force>", bodies[0]);
        Assert.Contains("<Force>true</Force>", bodies[1]);
    }

    // A running deployment in a manual upgrade (so a rollback is allowed), as Get Deployment answers.
    private const string DeploymentXml =
        "<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>d1</Name><DeploymentSlot>Production</DeploymentSlot>" +
        "<PrivateID>p</PrivateID><Status>Running</Status><Label>bDE=</Label><Configuration></Configuration>" +
        "<UpgradeStatus><UpgradeType>Manual</UpgradeType><CurrentUpgradeDomainState>Before</CurrentUpgradeDomainState><CurrentUpgradeDomain>0</CurrentUpgradeDomain></UpgradeStatus>" +
        "<UpgradeDomainCount>2</UpgradeDomainCount><Locked>false</Locked><RollbackAllowed>true</RollbackAllowed></Deployment>";
}
