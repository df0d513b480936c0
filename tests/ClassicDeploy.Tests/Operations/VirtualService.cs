using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Emulator;
using ClassicDeploy.Models;
using ClassicDeploy.Operations;
using ClassicDeploy.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ClassicDeploy.Tests.Operations;

/// <summary>
/// The in-process emulator and a client on one injected clock: every wait of the client (polls,
/// a workflow's pauses) advances the clock instead of sleeping, so an upgrade of many minutes of
/// emulated time runs in milliseconds and always the same way. One cloud service with a running
/// deployment of five upgrade domains ("blue" in production, one WebRole1 instance per domain).
/// </summary>
internal sealed class VirtualService : IAsyncDisposable
{
    public const string ServiceName = "contoso";
    public const string DeploymentName = "blue";
    public const string GoodPackage = "https://acct.blob.core.windows.net/packages/app-v2.cspkg";
    public static readonly TimeSpan DomainDuration = TimeSpan.FromSeconds(60);
    public static readonly string Configuration = ServiceConfigurationXml.For("v1", ("WebRole1", 5));
    public static readonly string NewConfiguration = ServiceConfigurationXml.For("v2", ("WebRole1", 5));

    private VirtualService(EmulatorHost host, FakeTimeProvider clock)
    {
        Host = host;
        Clock = clock;
        Client = NewClient();
        Sink = new RecordingSink();
        Workflows = new Workflows(Client, Sink);
    }

    public EmulatorHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public ServiceManagementClient Client { get; private set; }

    public RecordingSink Sink { get; private set; }

    public Workflows Workflows { get; private set; }

    public static DeploymentTarget Target => DeploymentTarget.ByName(ServiceName, DeploymentName);

    /// <summary>Starts the emulator (<paramref name="configure"/> adjusts it) and creates the running deployment.</summary>
    public static async Task<VirtualService> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        var options = new EmulatorOptions { Host = "127.0.0.1", Port = 0, InMemory = true, Clock = clock, UpgradeDomainDuration = DomainDuration };
        configure?.Invoke(options);
        var service = new VirtualService(await EmulatorHost.StartAsync(options), clock);
        try
        {
            await service.Client.CreateHostedServiceAsync(new CreateHostedServiceRequest { ServiceName = ServiceName, Label = "Contoso", Location = "West Europe" }, CancellationToken.None);
            AcceptedOperation created = await service.Client.CreateDeploymentAsync(
                ServiceName,
                DeploymentSlot.Production,
                new CreateDeploymentRequest { Name = DeploymentName, PackageUrl = "https://acct.blob.core.windows.net/packages/app-v1.cspkg", Label = "v1", Configuration = Configuration, StartDeployment = true },
                CancellationToken.None);
            await service.Client.WaitForOperationAsync(created.RequestId, null, null, CancellationToken.None);
            await service.WaitUntilAllReadyAsync();
            service.Host.Requests.Clear();
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>Upgrade Deployment of blue to <paramref name="package"/> in <paramref name="mode"/>.</summary>
    public static UpgradeDeploymentRequest Upgrade(UpgradeMode mode, string package = GoodPackage) =>
        new UpgradeDeploymentRequest { Mode = mode, PackageUrl = package, Configuration = NewConfiguration, Label = "v2" };

    /// <summary>A policy with short, round times (seconds of the injected clock).</summary>
    public static HealthPolicy Policy(FailureAction action = FailureAction.Rollback, double stable = 0, double retry = 0, double interval = 5, double timeout = 600, double wait = 0) => new HealthPolicy
    {
        FailureAction = action,
        HealthCheckStable = TimeSpan.FromSeconds(stable),
        HealthCheckRetry = TimeSpan.FromSeconds(retry),
        HealthCheckInterval = TimeSpan.FromSeconds(interval),
        UpgradeDomainTimeout = TimeSpan.FromSeconds(timeout),
        HealthCheckWait = TimeSpan.FromSeconds(wait),
    };

    /// <summary>A fresh client, sink and workflows on the same emulator and clock: the runbook started again.</summary>
    public void Restart()
    {
        Client.Dispose();
        Client = NewClient();
        Sink = new RecordingSink();
        Workflows = new Workflows(Client, Sink);
    }

    public Task<Deployment> GetAsync() => Client.GetDeploymentAsync(Target, CancellationToken.None);

    /// <summary>The Walk Upgrade Domain requests the emulator accepted.</summary>
    public int Walks => Host.Requests.Snapshot().Count(r => r.Query.Contains("comp=walkupgradedomain") && r.StatusCode == 202);

    /// <summary>The Upgrade Deployment requests the emulator accepted.</summary>
    public int Upgrades => Host.Requests.Snapshot().Count(r => r.Query.Contains("comp=upgrade") && r.StatusCode == 202);

    /// <summary>The Rollback Update Or Upgrade requests the emulator accepted.</summary>
    public IReadOnlyList<RequestLogEntry> Rollbacks => Host.Requests.Snapshot().Where(r => r.Query.Contains("comp=rollback") && r.StatusCode == 202).ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _count;

        public CountingHandler()
            : base(new HttpClientHandler())
        {
        }

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private async Task WaitUntilAllReadyAsync()
    {
        for (int i = 0; i < 100; i++)
        {
            Deployment deployment = await GetAsync();
            if (deployment.InstancesReady == deployment.InstancesTotal && !deployment.Locked)
            {
                return;
            }

            Clock.Advance(TimeSpan.FromSeconds(10));
        }

        throw new InvalidOperationException("The deployment's instances never became ready.");
    }

    /// <summary>The requests the current client has sent (counted before they leave, so none is missed).</summary>
    public int Sent => _counter.Count;

    private CountingHandler _counter = new CountingHandler();

    private ServiceManagementClient NewClient() => new ServiceManagementClient(new ServiceManagementClientOptions
    {
        Endpoint = Host.BaseAddress,
        Handler = _counter = new CountingHandler(),
        SubscriptionId = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
        Polling = new PollingOptions { InitialInterval = TimeSpan.FromSeconds(1), SteadyInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromHours(2) },
    })
    {
        Clock = Clock,
        PollDelay = (delay, ct) =>
        {
            ct.ThrowIfCancellationRequested();
            if (delay > TimeSpan.Zero)
            {
                Clock.Advance(delay);
            }

            return Task.CompletedTask;
        },
    };
}
