using System;
using System.Collections.Generic;
using ClassicDeploy.Emulator;

namespace ClassicDeploy.Tests.Infrastructure;

/// <summary>
/// One test's world: a connected session and a uniquely named cloud service, with helpers that
/// set things up through the cmdlets themselves (so setup exercises what users run).
/// </summary>
public sealed class Scenario
{
    public const string PackageV1 = "https://example.blob.core.windows.net/packages/app-v1.cspkg";
    public const string PackageV2 = "https://example.blob.core.windows.net/packages/app-v2.cspkg";

    private readonly TestEmulator _emulator;

    public Scenario(TestEmulator emulator, PowerShellSession session)
    {
        _emulator = emulator;
        Session = session;
        ServiceName = NewServiceName();
        Session.SetVariable("svc", ServiceName);
        Session.SetVariable("cfg1", ServiceConfigurationXml.For("v1"));
        Session.SetVariable("cfg2", ServiceConfigurationXml.For("v2"));
        Session.SetVariable("pkg1", PackageV1);
        Session.SetVariable("pkg2", PackageV2);
    }

    public PowerShellSession Session { get; }

    /// <summary>The scenario's service name; also $svc in scripts (with $cfg1, $cfg2, $pkg1, $pkg2).</summary>
    public string ServiceName { get; }

    /// <summary>A service name no other test uses.</summary>
    public static string NewServiceName() => "cd" + Guid.NewGuid().ToString("N").Substring(0, 14);

    /// <summary>Runs script text in the scenario's session.</summary>
    public ScriptResult Run(string script, TimeSpan? timeout = null) => Session.Run(script, timeout);

    /// <summary>Creates $svc (New-CloudService).</summary>
    public Scenario WithService()
    {
        Run("New-CloudService -ServiceName $svc -Location 'West Europe'").ShouldSucceed();
        return this;
    }

    /// <summary>Creates $svc and a running deployment in <paramref name="slot"/> from $pkg1/$cfg1, waiting for it.</summary>
    public Scenario WithDeployment(string slot = "Production", string? name = null)
    {
        if (!ServiceExists)
        {
            WithService();
        }

        name ??= slot.ToLowerInvariant() + "-v1";
        Run($"New-Deployment -ServiceName $svc -Slot {slot} -DeploymentName '{name}' -Package $pkg1 -Configuration $cfg1 -StartDeployment -Wait").ShouldSucceed();
        return this;
    }

    /// <summary>Starts a manual upgrade of the deployment in <paramref name="slot"/> to $pkg2/$cfg2 and waits for it to be accepted and settled.</summary>
    public Scenario WithManualUpgrade(string slot = "Production")
    {
        Run($"Invoke-UpgradeDeployment -ServiceName $svc -Slot {slot} -Mode Manual -Package $pkg2 -Configuration $cfg2 -Wait").ShouldSucceed();
        return this;
    }

    /// <summary>Requests the emulator logged for this scenario's subscription.</summary>
    public IReadOnlyList<RequestLogEntry> Requests => _emulator.RequestsOf(Session);

    /// <summary>Requests other than GET logged for this scenario's subscription.</summary>
    public IReadOnlyList<RequestLogEntry> Mutations => _emulator.MutationsOf(Session);

    private bool ServiceExists => Run("Get-CloudService -ServiceName $svc -ErrorAction SilentlyContinue").Output.Count == 1;
}
