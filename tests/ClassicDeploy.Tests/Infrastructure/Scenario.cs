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

    /// <summary>A package URL with a SAS query string, as $pkg in <see cref="Prelude"/>.</summary>
    public const string SasPackageUrl = "https://packages.example.invalid/app/v1.cspkg?sv=2017&sig=abc";

    /// <summary>A configuration of one role with two instances, as $cfg in <see cref="Prelude"/>.</summary>
    public const string TwoInstanceConfiguration =
        "<ServiceConfiguration serviceName=\"app\" xmlns=\"http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration\">" +
        "<Role name=\"WebRole1\"><Instances count=\"2\" /></Role></ServiceConfiguration>";

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

    /// <summary>Script text that defines <c>$pkg</c> and <c>$cfg</c>, for sessions without a scenario.</summary>
    public static string Prelude => $"$pkg = '{SasPackageUrl}'; $cfg = '{TwoInstanceConfiguration}'";

    /// <summary>Script text that creates a hosted service with a running production deployment named <c>&lt;service&gt;-prod</c> from $pkg and $cfg.</summary>
    /// <remarks>Without <paramref name="wait"/> the deployment is still being created when the script returns.</remarks>
    public static string CreateService(string service, bool wait = true) =>
        $"$null = New-CloudService -ServiceName {service} -Label {service} -Location 'West Europe'; " +
        $"$null = New-Deployment -ServiceName {service} -Slot Production -DeploymentName {service}-prod -Package $pkg -Configuration $cfg -Label v1 -StartDeployment" +
        (wait ? " -Wait" : string.Empty);

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
