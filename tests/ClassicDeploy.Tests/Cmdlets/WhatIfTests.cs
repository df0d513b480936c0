using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Cmdlets;

/// <summary>-WhatIf describes the change and sends no mutation; ConfirmImpact decides who asks by default.</summary>
public sealed class WhatIfTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public WhatIfTests(EmulatorFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("New-CloudService -ServiceName ($svc + 'x') -Location 'West Europe' -WhatIf")]
    [InlineData("New-Deployment -ServiceName $svc -Slot Staging -DeploymentName s1 -Package $pkg1 -Configuration $cfg1 -WhatIf")]
    [InlineData("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Manual -Package $pkg2 -Configuration $cfg2 -WhatIf -Wait")]
    [InlineData("Set-DeploymentConfiguration -ServiceName $svc -Slot Production -Configuration $cfg2 -WhatIf")]
    [InlineData("Get-Deployment -ServiceName $svc -Slot Production | Remove-Deployment -WhatIf")]
    [InlineData("Switch-DeploymentSlot -ServiceName $svc -WhatIf")]
    public void WhatIf_sends_no_mutation(string script)
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production").WithDeployment("Staging");
        int mutations = s.Mutations.Count;

        ScriptResult r = s.Run(script).ShouldSucceed();

        Assert.Empty(r.Output);
        Assert.Equal(mutations, s.Mutations.Count);
    }

    [Fact]
    public void WhatIf_on_walks_and_rollback_during_a_manual_upgrade_sends_no_mutation()
    {
        Scenario s = _fixture.Scenario().WithDeployment().WithManualUpgrade();
        int mutations = s.Mutations.Count;

        s.Run("Step-UpgradeDomain -ServiceName $svc -Slot Production -All -WhatIf").ShouldSucceed();
        s.Run("Step-UpgradeDomain -ServiceName $svc -Slot Production -UpgradeDomain 0 -WhatIf").ShouldSucceed();
        s.Run("Undo-DeploymentUpgrade -ServiceName $svc -Slot Production -WhatIf").ShouldSucceed();

        Assert.Equal(mutations, s.Mutations.Count);
        Assert.NotNull(s.Run("Get-Deployment -ServiceName $svc -Slot Production").ShouldSucceed().Single().Prop("UpgradeStatus"));
    }

    [Theory]
    [InlineData("Switch-DeploymentSlot", "High")]
    [InlineData("Undo-DeploymentUpgrade", "High")]
    [InlineData("Remove-Deployment", "High")]
    [InlineData("Invoke-UpgradeDeployment", "Medium")]
    [InlineData("Step-UpgradeDomain", "Medium")]
    [InlineData("Set-DeploymentConfiguration", "Medium")]
    [InlineData("New-Deployment", "Medium")]
    [InlineData("New-CloudService", "Medium")]
    public void Mutations_declare_their_confirm_impact(string cmdlet, string impact)
    {
        PowerShellSession session = _fixture.Connect();
        PSObjectAssert(session.Run($"(Get-Command {cmdlet}).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact").ShouldSucceed(), impact);
    }

    private static void PSObjectAssert(ScriptResult result, string expected) => Assert.Equal(expected, result.Single().ToString());
}
