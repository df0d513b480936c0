using System.Linq;
using System.Management.Automation;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Cmdlets;

/// <summary>What binds from the pipeline, and that it binds the same way every time.</summary>
public sealed class PipelineBindingTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public PipelineBindingTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_piped_deployment_binds_by_name_so_it_follows_the_deployment_across_a_swap()
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production", "blue").WithDeployment("Staging", "green");
        s.Run("$blue = Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed();
        s.Run("Switch-DeploymentSlot -ServiceName $svc -Confirm:$false -Wait").ShouldSucceed();

        // $blue still says Slot = Production, but blue is in staging now: the name wins.
        PSObject again = s.Run("$blue | Get-Deployment").ShouldSucceed().Single();
        Assert.Equal("blue", again.Text("DeploymentName"));
        Assert.Equal("Staging", again.Text("Slot"));
        Assert.EndsWith("/deployments/blue", s.Requests.Last(r => r.Method == "GET").Path.TrimEnd('/'));
    }

    [Fact]
    public void Get_Deployment_pipes_into_Invoke_UpgradeDeployment_and_Step_UpgradeDomain_All()
    {
        Scenario s = _fixture.Scenario().WithDeployment();
        PSObject upgrade = s.Run("Get-Deployment -ServiceName $svc -Slot Production | Invoke-UpgradeDeployment -Mode Manual -Package $pkg2 -Configuration $cfg2 -Wait")
            .ShouldSucceed().Single();
        Assert.Equal("production-v1", upgrade.Text("DeploymentName"));
        Assert.Equal(s.ServiceName, upgrade.Text("ServiceName"));

        ScriptResult walked = s.Run("Get-Deployment -ServiceName $svc -Slot Production | Step-UpgradeDomain -All -Wait").ShouldSucceed();
        Assert.Equal(3, walked.Output.Count);
        Assert.Equal(3, s.Mutations.Count(r => r.Query.Contains("walkupgradedomain") && r.StatusCode == 202));
        Assert.Null(s.Run("Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed().Single().Prop("UpgradeStatus"));
    }

    [Fact]
    public void Get_CloudService_fans_out_to_the_staging_deployment_of_every_service()
    {
        PowerShellSession session = _fixture.Connect();
        string[] names = { Scenario.NewServiceName(), Scenario.NewServiceName(), Scenario.NewServiceName() };
        session.SetVariable("names", names).SetVariable("cfg", ServiceConfigurationXml.For("v1")).SetVariable("pkg", Scenario.PackageV1);
        session.Run(
            "$names | ForEach-Object { $null = New-CloudService -ServiceName $_ -Location 'West Europe'; " +
            "$null = New-Deployment -ServiceName $_ -Slot Staging -DeploymentName ($_ + '-s') -Package $pkg -Configuration $cfg -Wait }").ShouldSucceed();

        ScriptResult staging = session.Run("Get-CloudService | Get-Deployment -Slot Staging").ShouldSucceed();
        Assert.Equal(names.Select(n => n + "-s").OrderBy(n => n), staging.Output.Select(d => d.Text("DeploymentName")).OrderBy(n => n));
        Assert.All(staging.Output, d => Assert.Equal("Staging", d.Text("Slot")));
    }

    [Fact]
    public void Operations_pipe_into_Get_and_Wait_DeploymentOperation()
    {
        Scenario s = _fixture.Scenario().WithDeployment();
        ScriptResult waited = s.Run(
            "$op = Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Auto -Package $pkg2 -Configuration $cfg2; " +
            "$op; $op | Get-DeploymentOperation; $op | Wait-DeploymentOperation").ShouldSucceed();
        Assert.Equal(3, waited.Output.Count);
        PSObject accepted = waited.Output[0], polled = waited.Output[1], finished = waited.Output[2];
        Assert.Equal("InProgress", accepted.Text("Status"));
        Assert.Null(accepted.Prop("EndTime"));
        Assert.Equal(accepted.Text("RequestId"), polled.Text("RequestId"));
        Assert.Equal("Upgrade Deployment", finished.Text("Operation"));
        Assert.Equal("Succeeded", finished.Text("Status"));
        Assert.Equal(200, finished.Prop("HttpStatusCode"));
        Assert.NotNull(finished.Prop("EndTime"));

        // Progress of a piped operation names the deployment it updates: a short activity, the service and slot in the status.
        Assert.All(waited.Progress, p => Assert.StartsWith("Upgrading ", p.Activity));
        Assert.All(waited.Progress.Where(p => p.RecordType != ProgressRecordType.Completed), p => Assert.EndsWith(" - " + s.ServiceName + "/Production", p.StatusDescription));
        if (waited.Progress.Count > 0)
        {
            Assert.Equal(ProgressRecordType.Completed, waited.Progress[waited.Progress.Count - 1].RecordType);
        }

        // A bare request id works as well.
        s.Session.SetVariable("id", accepted.Text("RequestId"));
        PSObject byId = s.Run("Wait-DeploymentOperation -RequestId $id").ShouldSucceed().Single();
        Assert.Equal("Succeeded", byId.Text("Status"));
    }

    [Fact]
    public void Upgrades_fanned_out_over_services_are_waited_for_together_one_bar_per_deployment()
    {
        PowerShellSession session = _fixture.Connect();
        string[] names = { Scenario.NewServiceName(), Scenario.NewServiceName(), Scenario.NewServiceName() };
        session.SetVariable("names", names).SetVariable("cfg1", ServiceConfigurationXml.For("v1")).SetVariable("cfg2", ServiceConfigurationXml.For("v2"))
            .SetVariable("pkg1", Scenario.PackageV1).SetVariable("pkg2", Scenario.PackageV2);
        session.Run(
            "$names | ForEach-Object { $null = New-CloudService -ServiceName $_ -Location 'West Europe'; " +
            "$null = New-Deployment -ServiceName $_ -Slot Production -DeploymentName ($_ + '-p') -Package $pkg1 -Configuration $cfg1 -Wait }").ShouldSucceed();

        ScriptResult r = session.Run(
            "Get-CloudService | Get-Deployment -Slot Production | " +
            "Invoke-UpgradeDeployment -Mode Auto -Package $pkg2 -Configuration $cfg2 -Label v2 | Wait-DeploymentOperation").ShouldSucceed();

        Assert.Equal(names.Select(n => n + "-p").OrderBy(n => n), r.Output.Select(o => o.Text("DeploymentName")).OrderBy(n => n));
        Assert.All(r.Output, o => Assert.Equal("Succeeded", o.Text("Status")));
        foreach (var bar in r.Progress.GroupBy(p => p.ActivityId))
        {
            Assert.Single(bar.Select(p => p.Activity).Distinct());
            Assert.Equal(ProgressRecordType.Completed, bar.Last().RecordType);
        }

        Assert.All(names, n => Assert.Equal("v2", session.Run($"(Get-Deployment -ServiceName {n} -Slot Production).Label").ShouldSucceed().Single().ToString()));
    }

    [Fact]
    public void Waiting_for_several_operations_reports_the_unknown_one_and_finishes_the_others()
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production").WithDeployment("Staging");
        ScriptResult r = s.Run(
            "$a = Set-DeploymentConfiguration -ServiceName $svc -Slot Production -Configuration $cfg2; " +
            "$b = Set-DeploymentConfiguration -ServiceName $svc -Slot Staging -Configuration $cfg2; " +
            "$a.RequestId, '00000000000000000000000000000000', $b.RequestId | Wait-DeploymentOperation -RequestId { $_ }");

        Assert.Equal(2, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Succeeded", o.Text("Status")));
        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.ResourceNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal("00000000000000000000000000000000", error.TargetObject);
    }

    [Fact]
    public void An_object_with_only_ServiceName_and_Slot_binds_by_slot()
    {
        Scenario s = _fixture.Scenario().WithDeployment();
        PSObject op = s.Run(
            "[pscustomobject]@{ ServiceName = $svc; Slot = 'Production' } | Invoke-UpgradeDeployment -Mode Auto -Package $pkg2 -Configuration $cfg2 -Wait")
            .ShouldSucceed().Single();

        Assert.Equal("Succeeded", op.Text("Status"));
        Assert.Equal("Production", op.Text("Slot"));
        Assert.Contains(s.Mutations, r => r.Path.EndsWith("/deploymentslots/production", System.StringComparison.OrdinalIgnoreCase) && r.StatusCode == 202);
    }

    [Fact]
    public void Each_piped_item_picks_name_or_slot_and_one_with_neither_gets_every_deployment_of_its_service()
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production", "blue").WithDeployment("Staging", "green");
        int before = s.Requests.Count;
        ScriptResult r = s.Run(
            "[pscustomobject]@{ ServiceName = $svc; DeploymentName = 'blue' }, " +
            "[pscustomobject]@{ ServiceName = $svc }, " +
            "[pscustomobject]@{ ServiceName = $svc; Slot = 'Staging'; DeploymentName = $null } | Get-Deployment");

        // The item with neither slot nor name gets both deployments (Get Hosted Service with embed-detail), production first.
        Assert.Equal(new[] { "blue", "blue", "green", "green" }, r.ShouldSucceed().Output.Select(d => d.Text("DeploymentName")));
        Assert.Equal(3, s.Requests.Count - before);

        // A mutation cannot guess: the item with neither is refused before any request, the others go on.
        before = s.Requests.Count;
        ScriptResult removed = s.Run(
            "[pscustomobject]@{ ServiceName = $svc; DeploymentName = 'blue' }, " +
            "[pscustomobject]@{ ServiceName = $svc } | Remove-Deployment -WhatIf");
        ErrorRecord error = Assert.Single(removed.Errors);
        Assert.StartsWith("ClassicDeploy.InvalidParameter,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-Slot", error.Exception.Message);
        Assert.Contains("-DeploymentName", error.Exception.Message);
        Assert.Equal(0, s.Requests.Count - before);
    }

    [Fact]
    public void A_slot_typed_on_the_command_line_wins_over_the_piped_deployment_name()
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production", "blue").WithDeployment("Staging", "green");
        PSObject d = s.Run("Get-Deployment -ServiceName $svc -Slot Production | Get-Deployment -Slot Staging").ShouldSucceed().Single();

        Assert.Equal("green", d.Text("DeploymentName"));
    }

    [Fact]
    public void Slot_and_DeploymentName_together_are_refused_before_any_request()
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production", "blue");
        int before = s.Requests.Count;
        ScriptResult r = s.Run("Remove-Deployment -ServiceName $svc -Slot Production -DeploymentName blue -Confirm:$false");

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.InvalidParameter,", error.FullyQualifiedErrorId);
        Assert.Contains("not both", error.Exception.Message);
        Assert.Equal(before, s.Requests.Count);
    }
}
