using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// (e) Get Deployment requests per second from 32 keep-alive clients, against a trivial 200 endpoint on a
/// plain Kestrel minimal API started here (same machine, same client, same run) as the baseline.
/// </summary>
internal static class ThroughputBenchmark
{
    public const int Clients = 32;
    public const double Target = 5000;

    public static async Task<BenchmarkResult> RunAsync(TimeSpan warmup, TimeSpan duration)
    {
        Load baseline;
        await using (WebApplication trivial = await StartTrivialAsync().ConfigureAwait(false))
        {
            string address = trivial.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            baseline = await MeasureAsync(new Uri(address.TrimEnd('/') + "/ok"), warmup, duration).ConfigureAwait(false);
        }

        Load emulated;
        await using (EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions { InMemory = true }).ConfigureAwait(false))
        {
            using var raw = new RawManagement(host.BaseAddress, Guid.NewGuid().ToString());
            await raw.CreateServiceAsync("throughput", 4).ConfigureAwait(false);
            emulated = await MeasureAsync(raw.DeploymentUri("throughput"), warmup, duration).ConfigureAwait(false);
        }

        return new BenchmarkResult(
            "emulator-throughput",
            $"Get Deployment requests/s, {Clients} keep-alive clients",
            emulated.PerSecond,
            "req/s",
            "trivial Kestrel 200 endpoint",
            baseline.PerSecond,
            emulated.PerSecond / baseline.PerSecond,
            $">= {Target:0} req/s",
            emulated.PerSecond >= Target,
            new Dictionary<string, double>
            {
                ["p50_ms"] = emulated.P50,
                ["p99_ms"] = emulated.P99,
                ["requests"] = emulated.Count,
                ["errors"] = emulated.Errors,
                ["baseline_p50_ms"] = baseline.P50,
                ["baseline_p99_ms"] = baseline.P99,
            });
    }

    private sealed record Load(double PerSecond, double P50, double P99, int Count, int Errors);

    private static async Task<Load> MeasureAsync(Uri uri, TimeSpan warmup, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        http.DefaultRequestHeaders.Add("x-ms-version", "2017-01-01");
        await RunWorkersAsync(http, uri, warmup).ConfigureAwait(false);
        var stopwatch = Stopwatch.StartNew();
        List<double>[] latencies = await RunWorkersAsync(http, uri, duration).ConfigureAwait(false);
        double seconds = stopwatch.Elapsed.TotalSeconds;
        List<double> all = latencies.SelectMany(l => l).ToList();
        int errors = all.Count(l => l < 0);
        List<double> ok = all.Where(l => l >= 0).ToList();
        return new Load(ok.Count / seconds, Stats.Percentile(ok, 50), Stats.Percentile(ok, 99), ok.Count, errors);
    }

    /// <summary>Each worker sends one request after the other until the time is up; a failed request is recorded as -1.</summary>
    private static Task<List<double>[]> RunWorkersAsync(HttpClient http, Uri uri, TimeSpan duration)
    {
        long stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(64 * 1024);
            var buffer = new byte[64 * 1024];
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                long started = Stopwatch.GetTimestamp();
                try
                {
                    using HttpResponseMessage response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                    await using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    while (await body.ReadAsync(buffer).ConfigureAwait(false) > 0)
                    {
                    }

                    latencies.Add(response.IsSuccessStatusCode ? Stopwatch.GetElapsedTime(started).TotalMilliseconds : -1);
                }
                catch (HttpRequestException)
                {
                    latencies.Add(-1);
                }
            }

            return latencies;
        })));
    }

    private static async Task<WebApplication> StartTrivialAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        app.MapGet("/ok", () => Results.Text("OK"));
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }
}
