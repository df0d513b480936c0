using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Emulator;
using ClassicDeploy.Models;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClassicDeploy.Tests.Client;

/// <summary>The client against the real emulator over HTTP on 127.0.0.1; the emulator's clock is advanced from the polling callback.</summary>
public sealed class EmulatorClientTests
{
    private const string Subscription = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static readonly TimeSpan DomainDuration = TimeSpan.FromSeconds(10);
    private static readonly string Configuration =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><ServiceConfiguration serviceName=\"app\" xmlns=\"http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration\">" +
        "<Role name=\"WebRole1\"><Instances count=\"5\" /></Role><Role name=\"WorkerRole1\"><Instances count=\"2\" /></Role></ServiceConfiguration>";

    private static async Task<(EmulatorHost Host, FakeTimeProvider Clock, ServiceManagementClient Client)> StartAsync(Action<EmulatorOptions>? configure = null, ConcurrentQueue<string>? verbose = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var options = new EmulatorOptions { InMemory = true, Clock = clock, UpgradeDomainDuration = DomainDuration };
        configure?.Invoke(options);
        EmulatorHost host = await EmulatorHost.StartAsync(options);
        var client = new ServiceManagementClient(new ServiceManagementClientOptions
        {
            Endpoint = host.BaseAddress,
            SubscriptionId = Subscription,
            Retry = new RetryOptions { MaxRetries = 8, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), MaxRetryAfter = TimeSpan.FromMilliseconds(5) },
            Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(1), MaxInterval = TimeSpan.FromMilliseconds(5), Timeout = TimeSpan.FromSeconds(30) },
            Verbose = verbose == null ? null : verbose.Enqueue,
        });
        return (host, clock, client);
    }

    private static Task<OperationStatus> WaitAsync(ServiceManagementClient client, FakeTimeProvider clock, AcceptedOperation op) =>
        client.WaitForOperationAsync(op.RequestId, (s, ct) => { clock.Advance(DomainDuration); return Task.CompletedTask; }, null, CancellationToken.None);

    private static async Task DeployAsync(ServiceManagementClient client, FakeTimeProvider clock)
    {
        await client.CreateHostedServiceAsync(new CreateHostedServiceRequest { ServiceName = "contoso", Label = "Contoso web", Location = "West Europe" }, CancellationToken.None);
        AcceptedOperation created = await client.CreateDeploymentAsync(
            "contoso",
            DeploymentSlot.Production,
            new CreateDeploymentRequest { Name = "blue", PackageUrl = "https://acct.blob.core.windows.net/p/v1.cspkg?sv=1&sig=x", Label = "v1", Configuration = Configuration, StartDeployment = true },
            CancellationToken.None);
        Assert.Equal(OperationState.Succeeded, (await WaitAsync(client, clock, created)).Status);
    }

    [Fact]
    public async Task CreateThenManualUpgradeWalkingEveryDomain()
    {
        var (host, clock, client) = await StartAsync();
        await using (host)
        using (client)
        {
            await DeployAsync(client, clock);
            CloudService service = await client.GetHostedServiceAsync("contoso", embedDetail: true, CancellationToken.None);
            Assert.Equal("Contoso web", service.Label);
            Deployment before = Assert.Single(service.Deployments);
            Assert.Equal(7, before.InstancesTotal);
            Assert.Equal("contoso", before.ServiceName);

            var target = DeploymentTarget.BySlot("contoso", DeploymentSlot.Production);
            AcceptedOperation upgrade = await client.UpgradeDeploymentAsync(
                target,
                new UpgradeDeploymentRequest { Mode = UpgradeMode.Manual, PackageUrl = "https://acct.blob.core.windows.net/p/v2.cspkg?sv=1&sig=y", Configuration = Configuration, Label = "v2" },
                CancellationToken.None);
            Assert.Equal(OperationState.Succeeded, (await WaitAsync(client, clock, upgrade)).Status);

            Deployment manual = await client.GetDeploymentAsync(target, CancellationToken.None);
            Assert.Equal(UpgradeMode.Manual, manual.UpgradeStatus!.UpgradeType);
            Assert.Equal(0, manual.UpgradeStatus.CurrentUpgradeDomain);
            Assert.True(manual.RollbackAllowed);

            for (int domain = 0; domain < manual.UpgradeDomainCount; domain++)
            {
                AcceptedOperation walk = await client.WalkUpgradeDomainAsync(DeploymentTarget.ByName("contoso", "blue"), new WalkUpgradeDomainRequest { UpgradeDomain = domain }, CancellationToken.None);
                Assert.Equal(202, walk.HttpStatusCode);
                Assert.Equal(OperationState.Succeeded, (await WaitAsync(client, clock, walk)).Status);
            }

            Deployment after = await client.GetDeploymentAsync(target, CancellationToken.None);
            Assert.Null(after.UpgradeStatus);
            Assert.Equal("v2", after.Label);
            Assert.Equal(after.InstancesTotal, after.InstancesReady);

            OperationStatus first = await client.GetOperationStatusAsync(upgrade.RequestId, CancellationToken.None);
            Assert.Equal(OperationState.Succeeded, first.Status);
            Assert.Equal(200, first.HttpStatusCode);
        }
    }

    [Fact]
    public async Task ServerErrorsArriveAsServiceManagementExceptions()
    {
        var (host, clock, client) = await StartAsync();
        await using (host)
        using (client)
        {
            var missing = await Assert.ThrowsAsync<ServiceManagementException>(() =>
                client.GetDeploymentAsync(DeploymentTarget.BySlot("nowhere", DeploymentSlot.Staging), CancellationToken.None));
            Assert.Equal(404, missing.StatusCode);
            Assert.Equal("ResourceNotFound", missing.ErrorCode);
            Assert.Equal(32, missing.RequestId!.Length);

            await DeployAsync(client, clock);
            var target = DeploymentTarget.BySlot("contoso", DeploymentSlot.Production);
            await client.UpgradeDeploymentAsync(target, new UpgradeDeploymentRequest { PackageUrl = "http://x/p", Configuration = Configuration, Label = "v2" }, CancellationToken.None);
            var busy = await Assert.ThrowsAsync<ServiceManagementException>(() =>
                client.ChangeConfigurationAsync(target, new ChangeConfigurationRequest { Configuration = Configuration }, CancellationToken.None));
            Assert.Equal(409, busy.StatusCode);
            Assert.Equal("ConflictError", busy.ErrorCode);
        }
    }

    [Fact]
    public async Task RetriesThrough503FaultsSendEachMutationAcceptedExactlyOnce()
    {
        var (host, clock, client) = await StartAsync(o =>
        {
            o.Faults = new FaultInjectionOptions { Rate = 0.5, Seed = 7 };
            o.Faults.Kinds.Add(FaultKind.ServiceUnavailable);
        });
        await using (host)
        using (client)
        {
            await DeployAsync(client, clock);
            var target = DeploymentTarget.BySlot("contoso", DeploymentSlot.Production);
            AcceptedOperation upgrade = await client.UpgradeDeploymentAsync(target, new UpgradeDeploymentRequest { Mode = UpgradeMode.Simultaneous, PackageUrl = "http://x/p", Configuration = Configuration, Label = "v2" }, CancellationToken.None);
            Assert.Equal(OperationState.Succeeded, (await WaitAsync(client, clock, upgrade)).Status);

            var log = host.Requests.Snapshot();
            Assert.Contains(log, e => e.Fault == FaultKind.ServiceUnavailable);
            Assert.Single(log, e => e.Method == "POST" && e.Query.Contains("comp=upgrade") && e.StatusCode >= 200 && e.StatusCode < 300 && e.Fault == null);
            Assert.Equal("v2", (await client.GetDeploymentAsync(target, CancellationToken.None)).Label);
        }
    }

    [Fact]
    public async Task AConnectionResetOnAMutationIsNotRetried()
    {
        var verbose = new ConcurrentQueue<string>();
        var (host, clock, client) = await StartAsync(ResetEveryDelete, verbose);
        await using (host)
        using (client)
        {
            await DeployAsync(client, clock);

            verbose.Clear();
            await Assert.ThrowsAsync<HttpRequestException>(() => client.DeleteDeploymentAsync(DeploymentTarget.ByName("contoso", "blue"), CancellationToken.None));

            Assert.Single(verbose, l => l.StartsWith("DELETE ", StringComparison.Ordinal));
            Assert.DoesNotContain(verbose, l => l.StartsWith("Retrying", StringComparison.Ordinal));
            Assert.Equal("blue", (await client.GetDeploymentAsync(DeploymentTarget.BySlot("contoso", DeploymentSlot.Production), CancellationToken.None)).DeploymentName);
        }

        static void ResetEveryDelete(EmulatorOptions o)
        {
            o.Faults = new FaultInjectionOptions { Rate = 1, Seed = 1 };
            o.Faults.Kinds.Add(FaultKind.ConnectionReset);
            o.Faults.Methods.Add("DELETE");
        }
    }

    [Fact]
    public async Task ListSubscriptionOperationsFindsOperationsByWindowObjectAndStateAcrossPages()
    {
        var (host, clock, client) = await StartAsync(o => o.OperationPageSize = 1);
        await using (host)
        using (client)
        {
            DateTime start = clock.GetUtcNow().UtcDateTime;
            await DeployAsync(client, clock);
            AcceptedOperation upgrade = await client.UpgradeDeploymentAsync(
                DeploymentTarget.BySlot("contoso", DeploymentSlot.Production),
                new UpgradeDeploymentRequest { Mode = UpgradeMode.Auto, PackageUrl = "https://acct.blob.core.windows.net/p/v2.cspkg", Label = "v2", Configuration = Configuration },
                CancellationToken.None);
            DateTime end = clock.GetUtcNow().UtcDateTime;

            SubscriptionOperationList first = await client.ListSubscriptionOperationsAsync(start, end, null, null, null, CancellationToken.None);
            Assert.Single(first.Operations);
            Assert.NotNull(first.ContinuationToken);

            IReadOnlyList<SubscriptionOperation> all = await client.ListAllSubscriptionOperationsAsync(start, end, client.DeploymentObjectId("contoso", "blue"), null, CancellationToken.None);
            Assert.Equal(new[] { "CreateDeployment", "UpgradeDeployment" }, all.Select(o => o.OperationName));
            SubscriptionOperation last = all[1];
            Assert.Equal(upgrade.RequestId, Guid.Parse(last.OperationId).ToString("N"));
            Assert.Equal("contoso", last.ServiceName);
            Assert.Equal("blue", last.DeploymentName);
            Assert.Equal("Production", last.Parameters["DeploymentSlot"]);
            Assert.Equal(OperationState.InProgress, last.Status.Status);
            Assert.Equal(end, last.StartedTime);
            Assert.Null(last.CompletedTime);
            Assert.Equal(OperationState.Succeeded, all[0].Status.Status);
            Assert.NotNull(all[0].CompletedTime);

            IReadOnlyList<SubscriptionOperation> running = await client.ListAllSubscriptionOperationsAsync(start, end, null, OperationState.InProgress, CancellationToken.None);
            Assert.Equal(new[] { "UpgradeDeployment" }, running.Select(o => o.OperationName));
        }
    }
}
