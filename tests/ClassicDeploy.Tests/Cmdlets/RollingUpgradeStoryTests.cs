using System.Linq;
using System.Management.Automation;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Cmdlets;

/// <summary>The whole rolling-upgrade runbook, as a user would type it, against the emulator.</summary>
public sealed class RollingUpgradeStoryTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public RollingUpgradeStoryTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public void Service_deployments_manual_upgrade_walk_all_configure_swap_and_rollback()
    {
        Scenario s = _fixture.Scenario();

        PSObject created = s.Run("New-CloudService -ServiceName $svc -Location 'West Europe' -Description 'story'").ShouldSucceed().Single();
        Assert.Equal("Create Hosted Service", created.Text("Operation"));
        Assert.Equal("Succeeded", created.Text("Status"));

        ScriptResult deployed = s.Run(
            "New-Deployment -ServiceName $svc -Slot Production -DeploymentName prod-v1 -Package $pkg1 -Configuration $cfg1 -StartDeployment -Wait; " +
            "New-Deployment -ServiceName $svc -Slot Staging -DeploymentName stage-v1 -Package $pkg1 -Configuration $cfg1 -StartDeployment -Wait").ShouldSucceed();
        Assert.Equal(new[] { "Succeeded", "Succeeded" }, deployed.Output.Select(o => o.Text("Status")));
        Assert.All(deployed.Output, o => Assert.NotNull(o.Prop("EndTime")));

        PSObject production = s.Run("Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed().Single();
        Assert.Equal("prod-v1", production.Text("DeploymentName"));
        Assert.Equal(3, production.Prop("InstancesTotal"));
        Assert.Null(production.Prop("UpgradeStatus"));

        // Manual upgrade: accepted, then UpgradeStatus Manual at domain 0.
        PSObject upgrade = s.Run("Get-Deployment -ServiceName $svc -Slot Production | Invoke-UpgradeDeployment -Mode Manual -Package $pkg2 -Configuration $cfg2 -Label 'v2' -Wait")
            .ShouldSucceed().Single();
        Assert.Equal("Upgrade Deployment", upgrade.Text("Operation"));
        Assert.Equal("Succeeded", upgrade.Text("Status"));
        PSObject pending = s.Run("Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed().Single();
        Assert.Equal("Manual", pending.Nested("UpgradeStatus")!.Text("UpgradeType"));
        Assert.Equal(0, pending.Nested("UpgradeStatus")!.Prop("CurrentUpgradeDomain"));
        Assert.True((bool)pending.Prop("RollbackAllowed")!);

        // Walk every domain, one output per walk, progress "Upgrade domain k of n" and a Completed record.
        ScriptResult walked = s.Run("Get-Deployment -ServiceName $svc -Slot Production | Step-UpgradeDomain -All -Wait").ShouldSucceed();
        int domains = (int)pending.Prop("UpgradeDomainCount")!;
        Assert.Equal(domains, walked.Output.Count);
        Assert.All(walked.Output, o => Assert.Equal("Walk Upgrade Domain", o.Text("Operation")));
        Assert.All(walked.Output, o => Assert.Equal("Succeeded", o.Text("Status")));
        for (int k = 1; k <= domains; k++)
        {
            Assert.Contains(walked.Progress, p => p.StatusDescription == $"Upgrade domain {k} of {domains} - {s.ServiceName}/Production");
        }

        // A short activity (a narrow console cuts it last), the service and slot in the status line.
        Assert.All(walked.Progress, p => Assert.Equal("Upgrading prod-v1", p.Activity));
        Assert.Equal(ProgressRecordType.Completed, walked.Progress[walked.Progress.Count - 1].RecordType);
        Assert.Single(walked.Progress.Select(p => p.ActivityId).Distinct());

        PSObject upgraded = s.Run("Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed().Single();
        Assert.Null(upgraded.Prop("UpgradeStatus"));
        Assert.Equal("v2", upgraded.Text("Label"));
        Assert.Contains("value=\"v2\"", upgraded.Text("Configuration"));

        // Configuration change, automatic, waited for with progress.
        ScriptResult configured = s.Run("Set-DeploymentConfiguration -ServiceName $svc -Slot Staging -Configuration $cfg2 -Mode Auto -Wait").ShouldSucceed();
        Assert.Equal("Succeeded", configured.Single().Text("Status"));
        Assert.Contains("value=\"v2\"", s.Run("(Get-Deployment -ServiceName $svc -Slot Staging).Configuration").ShouldSucceed().Single().BaseObject as string);

        // Swap: names resolved by the cmdlet.
        PSObject swap = s.Run("Switch-DeploymentSlot -ServiceName $svc -Confirm:$false -Wait").ShouldSucceed().Single();
        Assert.Equal("Swap Deployment", swap.Text("Operation"));
        Assert.Equal("Succeeded", swap.Text("Status"));
        Assert.Equal("stage-v1", s.Run("Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed().Single().Text("DeploymentName"));
        Assert.Equal("prod-v1", s.Run("Get-Deployment -ServiceName $svc -Slot Staging").ShouldSucceed().Single().Text("DeploymentName"));

        // Start another manual upgrade, walk one domain, then roll it back.
        s.Run("Invoke-UpgradeDeployment -ServiceName $svc -DeploymentName prod-v1 -Mode Manual -Package $pkg1 -Configuration $cfg1 -Label 'v3' -Wait").ShouldSucceed();
        s.Run("Step-UpgradeDomain -ServiceName $svc -DeploymentName prod-v1 -Wait").ShouldSucceed();
        PSObject rollback = s.Run("Undo-DeploymentUpgrade -ServiceName $svc -DeploymentName prod-v1 -Confirm:$false -Wait").ShouldSucceed().Single();
        Assert.Equal("Rollback Update Or Upgrade", rollback.Text("Operation"));
        Assert.Equal("Succeeded", rollback.Text("Status"));
        Assert.Equal("Staging", rollback.Text("Slot"));
        PSObject rolledBack = s.Run("Get-Deployment -ServiceName $svc -DeploymentName prod-v1").ShouldSucceed().Single();
        Assert.Equal("v2", rolledBack.Text("Label"));
        Assert.False((bool)rolledBack.Prop("RollbackAllowed")!);

        // And clean up: Remove-Deployment.
        PSObject removed = s.Run("Remove-Deployment -ServiceName $svc -Slot Staging -Confirm:$false -Wait").ShouldSucceed().Single();
        Assert.Equal("Delete Deployment", removed.Text("Operation"));
        Assert.Equal("Succeeded", removed.Text("Status"));
        Assert.Contains("ClassicDeploy.ResourceNotFound", s.Run("Get-Deployment -ServiceName $svc -Slot Staging").ErrorIds.First());
    }
}
