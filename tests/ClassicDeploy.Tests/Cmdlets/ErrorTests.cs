using System.Linq;
using System.Management.Automation;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Cmdlets;

/// <summary>Failures as users meet them: stable error ids, categories, targets, and no request when the module can tell first.</summary>
public sealed class ErrorTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public ErrorTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async System.Threading.Tasks.Task A_second_upgrade_while_the_first_is_being_accepted_is_a_ConflictError()
    {
        // The deployment is Locked while an update is accepted; an hour makes that window certain.
        await using TestEmulator emulator = await TestEmulator.StartAsync(o => o.AcceptDuration = System.TimeSpan.FromHours(1));
        Scenario s = new Scenario(emulator, emulator.Connect()).WithDeployment();
        string holder = s.Run("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Manual -Package $pkg2 -Configuration $cfg2").ShouldSucceed().Single().Text("RequestId")!;
        ScriptResult r = s.Run("Invoke-UpgradeDeployment -ServiceName $svc -Slot Production -Mode Auto -Package $pkg1 -Configuration $cfg1");

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.Equal("ClassicDeploy.ConflictError,ClassicDeploy.Cmdlets.InvokeUpgradeDeploymentCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Equal(409, ((dynamic)error.Exception).StatusCode);
        Assert.Equal(s.ServiceName + "/Production", error.TargetObject.ToString());
        Assert.Equal("Wait-DeploymentOperation -RequestId " + holder, error.ErrorDetails.RecommendedAction);
        Assert.Empty(r.Output);
    }

    [Fact]
    public void An_unknown_service_is_ResourceNotFound()
    {
        Scenario s = _fixture.Scenario();
        ScriptResult r = s.Run("Get-Deployment -ServiceName $svc -DeploymentName nothing");

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.ResourceNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Theory]
    [InlineData("-Label ('x' * 101)", "Label")]
    [InlineData("-Package 'not a url'", "Package")]
    [InlineData("-Configuration '<ServiceConfiguration'", "Configuration")]
    [InlineData("-ExtendedProperty @{ '1bad' = 'x' }", "ExtendedProperty")]
    public void Invalid_input_is_InvalidParameter_naming_the_parameter_and_sends_nothing(string argument, string parameter)
    {
        Scenario s = _fixture.Scenario().WithDeployment();
        int before = s.Requests.Count;
        string defaults = string.Join(" ", new[] { "-Package $pkg2", "-Configuration $cfg2" }.Where(d => !argument.StartsWith(d.Split(' ')[0] + " ")));
        ScriptResult r = s.Run($"Invoke-UpgradeDeployment -ServiceName $svc -Slot Production {defaults} {argument}");

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.InvalidParameter,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains($"'{parameter}'", error.ToString());
        Assert.Equal(before, s.Requests.Count);
    }

    [Fact]
    public void Rollback_without_an_update_in_progress_is_RollbackNotAllowed_and_posts_nothing()
    {
        Scenario s = _fixture.Scenario().WithDeployment();
        int mutations = s.Mutations.Count;
        ScriptResult r = s.Run("Undo-DeploymentUpgrade -ServiceName $svc -Slot Production -Confirm:$false");

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.RollbackNotAllowed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Equal(mutations, s.Mutations.Count);
    }

    [Fact]
    public void Stepping_without_an_update_in_progress_is_NoUpgradeInProgress_and_posts_nothing()
    {
        Scenario s = _fixture.Scenario().WithDeployment();
        int mutations = s.Mutations.Count;
        ScriptResult r = s.Run("Step-UpgradeDomain -ServiceName $svc -Slot Production");

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.NoUpgradeInProgress,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Equal(mutations, s.Mutations.Count);
    }

    [Fact]
    public void Swapping_without_a_staging_deployment_is_an_error_and_posts_nothing()
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production");
        int mutations = s.Mutations.Count;
        ScriptResult r = s.Run("Switch-DeploymentSlot -ServiceName $svc -Confirm:$false");

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.NoStagingDeployment,", error.FullyQualifiedErrorId);
        Assert.Equal(mutations, s.Mutations.Count);
    }

    [Fact]
    public void A_failing_middle_item_does_not_stop_the_pipeline()
    {
        Scenario s = _fixture.Scenario().WithDeployment("Production", "first").WithDeployment("Staging", "last");
        ScriptResult r = s.Run("'first', 'missing', 'last' | ForEach-Object { [pscustomobject]@{ ServiceName = $svc; DeploymentName = $_ } } | Get-Deployment");

        Assert.Equal(new[] { "first", "last" }, r.Output.Select(d => d.Text("DeploymentName")));
        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.ResourceNotFound,", error.FullyQualifiedErrorId);
        Assert.Contains("missing", error.TargetObject.ToString());
    }

    [Fact]
    public void ErrorAction_Stop_makes_an_item_error_catchable_in_a_runbook()
    {
        Scenario s = _fixture.Scenario().WithDeployment();
        ScriptResult r = s.Run(
            "try { Get-Deployment -ServiceName $svc -Slot Staging -ErrorAction Stop; 'not reached' } " +
            "catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category.ToString() }");

        Assert.Equal(
            new[] { "ClassicDeploy.ResourceNotFound,ClassicDeploy.Cmdlets.GetDeploymentCommand", "ObjectNotFound" },
            r.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Without_Connect_every_cmdlet_stops_with_NotConnected()
    {
        using PowerShellSession session = PowerShellSession.Open();
        ScriptResult r = session.Run("try { Get-CloudService; 'not reached' } catch { 'caught' ; $_ }");

        Assert.Equal("caught", r.Output[0].BaseObject);
        ErrorRecord error = Assert.IsType<ErrorRecord>(r.Output[1].BaseObject);
        Assert.StartsWith("ClassicDeploy.NotConnected,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("Connect-ClassicDeploy", error.ToString());
    }
}
