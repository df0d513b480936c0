using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.UserExperience;

/// <summary>Tab completion (TabExpansion2) of -ServiceName, -DeploymentName, -Slot and -Mode in a hosted runspace.</summary>
public sealed class CompletionTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _fixture;
    private readonly ConsoleSession _console = ConsoleSession.Open();

    public CompletionTests(EmulatorFixture fixture) => _fixture = fixture;

    public void Dispose() => _console.Dispose();

    [Fact]
    public void ServiceNamesCompleteFromTheConnectedEndpoint()
    {
        _console.Connect(_fixture.Emulator.Host.BaseAddress);
        _console.Run("'alpha-web', 'alpha-api', 'beta-web' | ForEach-Object { New-CloudService -ServiceName $_ -Location 'West Europe' }").ShouldSucceed();

        Assert.Equal(new[] { "alpha-api", "alpha-web" }, _console.Complete("Get-Deployment -ServiceName alp"));
        Assert.Equal(new[] { "alpha-api", "alpha-web", "beta-web" }, _console.Complete("Invoke-UpgradeDeployment -ServiceName "));
        Assert.Equal(new[] { "alpha-web", "beta-web" }, _console.Complete("Switch-DeploymentSlot -ServiceName *web"));
        Assert.Equal(new[] { "beta-web" }, _console.Complete("Get-CloudService -ServiceName B"));
    }

    [Fact]
    public void DeploymentNamesCompleteForTheServiceTyped()
    {
        _console.Connect(_fixture.Emulator.Host.BaseAddress);
        _console.SetVariable("cfg", ServiceConfigurationXml.For("v1"));
        _console.SetVariable("pkg", Scenario.PackageV1);
        _console.Run(
            "New-CloudService -ServiceName shop -Location 'West Europe'; " +
            "New-Deployment -ServiceName shop -Slot Production -DeploymentName shop-blue -Package $pkg -Configuration $cfg -Wait; " +
            "New-Deployment -ServiceName shop -Slot Staging -DeploymentName shop-green -Package $pkg -Configuration $cfg -Wait").ShouldSucceed();

        Assert.Equal(new[] { "shop-blue", "shop-green" }, _console.Complete("Get-Deployment -ServiceName shop -DeploymentName "));
        Assert.Equal(new[] { "shop-green" }, _console.Complete("Step-UpgradeDomain shop -DeploymentName shop-g"));
    }

    [Fact]
    public void SlotsAndModesComplete()
    {
        Assert.Equal(new[] { "Staging" }, _console.Complete("Get-Deployment -ServiceName any -Slot st"));
        Assert.Equal(new[] { "Auto", "Manual", "Simultaneous" }, _console.Complete("Invoke-UpgradeDeployment -Mode "));
        Assert.Equal(new[] { "Auto", "Manual" }, _console.Complete("Set-DeploymentConfiguration -Mode "));
    }

    [Fact]
    public void WithoutAConnectionNothingIsOfferedAndNothingFails()
    {
        Assert.Empty(ParameterValues("Get-Deployment -ServiceName "));
        Assert.Empty(ParameterValues("Get-Deployment -ServiceName web -DeploymentName "));
    }

    [Fact]
    public void AnEndpointThatDoesNotAnswerOffersNothingAndFailsNothing()
    {
        _console.Connect(new Uri($"http://127.0.0.1:{ClosedPort()}/"));

        Assert.Empty(ParameterValues("Get-Deployment -ServiceName "));
        Assert.Empty(ParameterValues("Remove-Deployment -ServiceName web -DeploymentName "));
    }

    /// <summary>Completions a completer offered (file names PowerShell falls back to are not ours).</summary>
    private string[] ParameterValues(string input)
    {
        _console.SetVariable("__input", input);
        ScriptResult result = _console.Run("(TabExpansion2 -inputScript $__input -cursorColumn $__input.Length).CompletionMatches");
        result.ShouldSucceed();
        return result.Output.Select(o => (CompletionResult)o.BaseObject)
            .Where(r => r.ResultType == CompletionResultType.ParameterValue)
            .Select(r => r.CompletionText).ToArray();
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
