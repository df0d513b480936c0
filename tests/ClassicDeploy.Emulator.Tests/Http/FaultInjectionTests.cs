using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests.Http;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task ServiceUnavailable_is_503_with_Retry_After()
    {
        await using var emulator = await StartAsync(o => o.Faults = Faults(1, FaultKind.ServiceUnavailable, retryAfter: 7));
        using var response = await emulator.GetAsync("services/hostedservices");
        await AssertErrorAsync(response, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        var entry = Assert.Single(emulator.Host.Requests.Snapshot());
        Assert.Equal(FaultKind.ServiceUnavailable, entry.Fault);
        Assert.Equal(503, entry.StatusCode);
    }

    [Fact]
    public async Task InternalError_is_500()
    {
        await using var emulator = await StartAsync(o => o.Faults = Faults(1, FaultKind.InternalError));
        using var response = await emulator.GetAsync("services/hostedservices");
        await AssertErrorAsync(response, HttpStatusCode.InternalServerError, "InternalError");
    }

    [Fact]
    public async Task ConnectionReset_drops_the_connection_without_an_answer()
    {
        await using var emulator = await StartAsync(o => o.Faults = Faults(1, FaultKind.ConnectionReset));
        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.GetAsync("services/hostedservices"));
        var entry = Assert.Single(emulator.Host.Requests.Snapshot());
        Assert.Equal(FaultKind.ConnectionReset, entry.Fault);
    }

    [Fact]
    public async Task Latency_delays_then_answers_normally()
    {
        await using var emulator = await StartAsync(o =>
        {
            o.Faults = Faults(1, FaultKind.Latency);
            o.Faults.Latency = TimeSpan.FromMilliseconds(1);
        });
        await emulator.CreateServiceAsync("svc");
        await emulator.GetXmlAsync("services/hostedservices/svc");
        Assert.All(emulator.Host.Requests.Snapshot(), e => Assert.Equal(FaultKind.Latency, e.Fault));
    }

    [Fact]
    public async Task Rate_zero_faults_nothing()
    {
        await using var emulator = await StartAsync(o => o.Faults = Faults(0, FaultKind.ServiceUnavailable));
        for (var i = 0; i < 30; i++)
        {
            await emulator.GetXmlAsync("services/hostedservices");
        }

        Assert.All(emulator.Host.Requests.Snapshot(), e => Assert.Null(e.Fault));
    }

    [Fact]
    public async Task Only_the_listed_methods_are_faulted_and_a_faulted_mutation_changes_nothing()
    {
        await using var emulator = await StartAsync(o =>
        {
            o.Faults = Faults(1, FaultKind.ServiceUnavailable);
            o.Faults.Methods.Add("POST");
        });
        using var create = await emulator.PostAsync("services/hostedservices", Bodies.CreateHostedService("svc"));
        await AssertErrorAsync(create, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
        using var get = await emulator.GetAsync("services/hostedservices/svc");
        await AssertErrorAsync(get, HttpStatusCode.NotFound, "ResourceNotFound");
        var entries = emulator.Host.Requests.Snapshot();
        Assert.Equal(new FaultKind?[] { FaultKind.ServiceUnavailable, null }, entries.Select(e => e.Fault));
    }

    [Fact]
    public async Task Same_seed_gives_the_same_faults()
    {
        var first = await RunAsync(seed: 42);
        var second = await RunAsync(seed: 42);
        Assert.Equal(first, second);
        Assert.Contains(503, first);
        Assert.Contains(200, first);

        static async Task<List<int>> RunAsync(int seed)
        {
            await using var emulator = await StartAsync(o =>
            {
                o.Faults = Faults(0.5, FaultKind.ServiceUnavailable);
                o.Faults.Seed = seed;
            });
            var statuses = new List<int>();
            for (var i = 0; i < 24; i++)
            {
                using var response = await emulator.GetAsync("services/hostedservices");
                statuses.Add((int)response.StatusCode);
            }

            return statuses;
        }
    }

    private static FaultInjectionOptions Faults(double rate, FaultKind kind, int retryAfter = 1)
    {
        var faults = new FaultInjectionOptions { Rate = rate, Seed = 1, RetryAfterSeconds = retryAfter };
        faults.Kinds.Add(kind);
        return faults;
    }
}
