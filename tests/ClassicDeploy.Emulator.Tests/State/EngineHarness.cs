using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ClassicDeploy.Emulator.State;
using ClassicDeploy.Emulator.Store;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClassicDeploy.Emulator.Tests.State;

/// <summary>An engine over a fake clock, with one hosted service ready, and helpers in the API's own words.</summary>
internal sealed class EngineHarness : IDisposable
{
    public const string Subscription = "sub-1";
    public const string Service = "svc";
    public static readonly TimeSpan Domain = TimeSpan.FromSeconds(10);

    /// <summary>The Locked window of accepting an update or a walk (default: a quarter of a domain).</summary>
    public static readonly TimeSpan Accept = Domain / 4;

    /// <summary>From an instance's update to ReadyRole (default: half a domain).</summary>
    public static readonly TimeSpan StartTime = Domain / 2;

    /// <summary>An Auto update of healthy instances over <paramref name="domains"/> domains: each walked, then ready before the next.</summary>
    public static TimeSpan AutoUpdate(int domains) => (Domain * domains) + (StartTime * (domains - 1));
    public static readonly DeploymentRef Production = new(DeploymentSlotName.Production, null);
    public static readonly DeploymentRef Staging = new(DeploymentSlotName.Staging, null);

    private int _nextRequest;

    public EngineHarness(IStateStore? store = null, FakeTimeProvider? clock = null, bool createService = true, Action<EngineOptions>? configure = null)
    {
        Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var options = new EngineOptions { UpgradeDomainCount = 5, UpgradeDomainDuration = Domain };
        configure?.Invoke(options);
        Engine = new ManagementEngine(store ?? new InMemoryStateStore(), Clock, options);
        if (createService)
        {
            Engine.CreateHostedService(Subscription, new CreateHostedServiceCommand(Service, "service label", null, "West Europe", null, NoProperties));
        }
    }

    public static IReadOnlyList<ExtendedPropertyValue> NoProperties { get; } = Array.Empty<ExtendedPropertyValue>();

    public FakeTimeProvider Clock { get; }

    public ManagementEngine Engine { get; }

    public static string Config(params (string Role, int Count)[] roles) =>
        "<ServiceConfiguration serviceName=\"svc\" osFamily=\"6\" osVersion=\"*\" xmlns=\"http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration\">"
        + string.Concat(roles.Select(r => "<Role name=\"" + r.Role + "\"><Instances count=\"" + r.Count.ToString(CultureInfo.InvariantCulture) + "\" /></Role>"))
        + "</ServiceConfiguration>";

    public static string DefaultConfig { get; } = Config(("WebRole1", 5), ("WorkerRole1", 2));

    public string NewRequestId() => (++_nextRequest).ToString("x32", CultureInfo.InvariantCulture);

    public void Pass(TimeSpan duration) => Clock.Advance(duration);

    public DeploymentView Get(DeploymentRef? target = null) => Engine.GetDeployment(Subscription, Service, target ?? Production);

    public OperationView Operation(string requestId) => Engine.GetOperation(Subscription, requestId);

    /// <summary>Creates a running deployment, lets its operation finish and its instances become ready.</summary>
    public string Deploy(string name = "dep1", DeploymentSlotName slot = DeploymentSlotName.Production, string? config = null, bool start = true)
    {
        string id = NewRequestId();
        Engine.CreateDeployment(Subscription, Service, slot, new CreateDeploymentCommand(
            name, "https://packages.example/v1.cspkg", "label v1", config ?? DefaultConfig, start, false, NoProperties), id);
        Pass(Domain);
        Assert.Equal("Succeeded", Operation(id).Status);
        Pass(StartTime);
        return id;
    }

    public string Upgrade(UpgradeMode mode, string? config = null, string? role = null, DeploymentRef? target = null, string package = "https://packages.example/v2.cspkg")
    {
        string id = NewRequestId();
        Engine.UpgradeDeployment(Subscription, Service, target ?? Production, new UpgradeDeploymentCommand(
            mode, package, config ?? DefaultConfig, "label v2", role, false,
            new[] { new ExtendedPropertyValue("Build", "2") }), id);
        return id;
    }

    public string Walk(int domain, DeploymentRef? target = null)
    {
        string id = NewRequestId();
        Engine.WalkUpgradeDomain(Subscription, Service, target ?? Production, domain, id);
        return id;
    }

    public string Rollback(UpgradeMode mode)
    {
        string id = NewRequestId();
        Engine.RollbackUpdateOrUpgrade(Subscription, Service, Production, new RollbackCommand(mode, false), id);
        return id;
    }

    public static EmulatorException Fails(int status, string code, Action action)
    {
        EmulatorException error = Assert.Throws<EmulatorException>(action);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(code, error.Code);
        return error;
    }

    public static IEnumerable<string> StatusesIn(DeploymentView view, int domain) =>
        view.RoleInstances.Where(i => i.InstanceUpgradeDomain == domain).Select(i => i.InstanceStatus).Distinct();

    public static IEnumerable<string> StatusesOutside(DeploymentView view, int domain) =>
        view.RoleInstances.Where(i => i.InstanceUpgradeDomain != domain).Select(i => i.InstanceStatus).Distinct();

    public void Dispose() => Engine.Dispose();
}
