using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;
using ClassicDeploy.Tests.UserExperience;
using Xunit;

namespace ClassicDeploy.Tests.Cmdlets;

/// <summary>
/// Waits that cannot end on their own: an emulator whose operations take ten minutes. Ctrl+C
/// (PowerShell.Stop) must end them at once, and -Timeout must give up with OperationTimeout.
/// </summary>
public sealed class WaitAndCancelTests : IAsyncLifetime
{
    private TestEmulator _slow = null!;

    public async Task InitializeAsync() =>
        _slow = await TestEmulator.StartAsync(o => o.UpgradeDomainDuration = TimeSpan.FromMinutes(10));

    public async Task DisposeAsync() => await _slow.DisposeAsync();

    [Fact]
    public async Task Stopping_a_wait_stops_the_pipeline_promptly()
    {
        var s = new Scenario(_slow, _slow.Connect()).WithService();
        using RunningScript running = s.Session.Start(
            "New-Deployment -ServiceName $svc -Slot Production -DeploymentName p1 -Package $pkg1 -Configuration $cfg1 -Wait; 'after the wait'");

        // The wait has begun once the create was accepted.
        Assert.True(running.WaitUntil(_ => s.Mutations.Any(m => m.StatusCode == 202), TimeSpan.FromSeconds(30)), "The deployment was never created.");
        Assert.Equal(PSInvocationState.Running, running.State);

        Task<ScriptResult> stopping = Task.Run(running.Stop);
        Task first = await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(15)));
        Assert.True(first == stopping, "Stop did not return while the operation was still running.");

        Assert.Equal(PSInvocationState.Stopped, running.State);
        Assert.DoesNotContain((await stopping).Output, o => "after the wait".Equals(o.BaseObject));
    }

    [Fact]
    public void Stopping_a_wait_warns_that_the_operation_goes_on_and_how_to_wait_for_it_again()
    {
        using ConsoleSession console = ConsoleSession.Open().Connect(_slow.Host.BaseAddress);
        string service = Scenario.NewServiceName();
        console.SetVariable("svc", service);
        console.SetVariable("cfg1", ServiceConfigurationXml.For("v1"));
        console.SetVariable("pkg1", Scenario.PackageV1);
        console.Run("New-CloudService -ServiceName $svc -Location 'West Europe'").ShouldSucceed();
        PowerShell ps = PowerShell.Create();
        ps.Runspace = console.Runspace;
        ps.AddScript("New-Deployment -ServiceName $svc -Slot Production -DeploymentName p1 -Package $pkg1 -Configuration $cfg1 -Wait");
        using var running = new RunningScript(ps);
        // The wait has begun once the client looked at the accepted operation: the server's 202 alone can
        // still be on its way back to the client, which then has no request id to name yet.
        Assert.True(
            running.WaitUntil(_ => WaitingAfterAccepted(service), TimeSpan.FromSeconds(30)),
            "The deployment was never created and waited for.");

        running.Stop();

        // What the console shows: which operation goes on, its request id, and the command to wait for it again.
        Match warning = Regex.Match(
            console.Host.Text,
            $@"WARNING: Stopped waiting\. Create Deployment of {service}/p1 \(request id ([0-9a-f]{{32}})\) goes on in the service\. To wait for it again: Wait-DeploymentOperation -RequestId \1");
        Assert.True(warning.Success, console.Host.Text);
        Assert.Contains(_slow.Host.Requests.Snapshot(), r => r.RequestId == warning.Groups[1].Value && r.StatusCode == 202);
    }

    [Fact]
    public void A_wait_that_times_out_outputs_the_unfinished_operation_and_an_OperationTimeout_error()
    {
        var s = new Scenario(_slow, _slow.Connect()).WithService();
        ScriptResult r = s.Run("New-Deployment -ServiceName $svc -Slot Production -DeploymentName p1 -Package $pkg1 -Configuration $cfg1 -Wait -Timeout 0.3");

        PSObject operation = r.Single();
        Assert.Equal("InProgress", operation.Text("Status"));
        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.OperationTimeout,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);

        // The operation is still there to be looked at again.
        s.Session.SetVariable("op", operation);
        Assert.Equal("InProgress", s.Run("$op | Get-DeploymentOperation").ShouldSucceed().Single().Text("Status"));
    }

    [Fact]
    public void A_mutation_while_another_operation_holds_the_deployment_is_a_ConflictError()
    {
        var s = new Scenario(_slow, _slow.Connect()).WithService();
        PSObject creating = s.Run("New-Deployment -ServiceName $svc -Slot Production -DeploymentName p1 -Package $pkg1 -Configuration $cfg1").ShouldSucceed().Single();
        Assert.Equal("InProgress", creating.Text("Status"));

        ScriptResult r = s.Run("Remove-Deployment -ServiceName $svc -DeploymentName p1 -Confirm:$false");

        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.ConflictError,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Contains(creating.Text("RequestId")!, error.ToString());
        Assert.Equal(s.ServiceName + "/p1", error.TargetObject.ToString());
    }

    private bool WaitingAfterAccepted(string service)
    {
        var log = _slow.Host.Requests.Snapshot().ToList();
        int accepted = log.FindIndex(r => r.Method == "POST" && r.StatusCode == 202 && r.Path.Contains(service, StringComparison.Ordinal));
        return accepted >= 0 && log.Skip(accepted + 1).Any(r => r.Method == "GET");
    }
}
