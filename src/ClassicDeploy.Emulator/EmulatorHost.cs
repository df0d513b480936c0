using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Http;
using ClassicDeploy.Emulator.State;
using ClassicDeploy.Emulator.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClassicDeploy.Emulator;

/// <summary>The Service Management emulator on Kestrel: one engine, one store, one request pipeline.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private static readonly TimeSpan AdvanceInterval = TimeSpan.FromMilliseconds(100);

    private readonly WebApplication _app;
    private readonly ManagementEngine _engine;
    private readonly IStateStore _store;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _advancing;
    private int _stopped;

    private EmulatorHost(WebApplication app, ManagementEngine engine, IStateStore store, RequestLog requests, Uri baseAddress)
    {
        _app = app;
        _engine = engine;
        _store = store;
        this.Requests = requests;
        this.BaseAddress = baseAddress;
    }

    /// <summary>e.g. <c>http://127.0.0.1:54321/</c>; the subscription id goes after it.</summary>
    public Uri BaseAddress { get; }

    public RequestLog Requests { get; }

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _ = Address(options.Host);
        IStateStore store = options.InMemory || string.IsNullOrEmpty(options.DataDirectory)
            ? new InMemoryStateStore()
            : StateStores.OpenSqlite(options.DataDirectory!);
        ManagementEngine? engine = null;
        try
        {
            engine = StateStores.Load(store, options);
            var requests = new RequestLog(options.RequestLogCapacity);
            var app = Build(options, engine, requests);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var host = new EmulatorHost(app, engine, store, requests, new Uri(address.TrimEnd('/') + "/"));
            if (ReferenceEquals(options.Clock, TimeProvider.System))
            {
                host._advancing = host.AdvanceAsync();
            }

            return host;
        }
        catch
        {
            engine?.Dispose();
            store.Dispose();
            throw;
        }
    }

    /// <summary>How long stopping waits for open requests and connections before it closes them.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        if (_advancing is not null)
        {
            await _advancing.ConfigureAwait(false);
        }

        // Clients that keep connections open must not hold a closing emulator (or the process that hosts it exiting) for long.
        using (var shutdown = new CancellationTokenSource(ShutdownTimeout))
        {
            await _app.StopAsync(shutdown.Token).ConfigureAwait(false);
        }
        await _app.DisposeAsync().ConfigureAwait(false);
        _engine.Dispose();
        _store.Dispose();
        _stopping.Dispose();
    }

    public async ValueTask DisposeAsync() => await this.StopAsync().ConfigureAwait(false);

    private static WebApplication Build(EmulatorOptions options, ManagementEngine engine, RequestLog requests)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = Array.Empty<string>(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            RequestLimits.ConfigureServer(kestrel.Limits);
            void Configure(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen)
            {
                if (options.ServerCertificate is { } certificate)
                {
                    listen.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = certificate,
                        ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                        // Self-signed management certificates are the norm; the pipeline checks
                        // each request's certificate against the subscription's registered thumbprints.
                        ClientCertificateValidation = (_, _, _) => true,
                    });
                }
            }

            kestrel.Listen(Address(options.Host), options.Port, Configure);
        });
        var app = builder.Build();
        var pipeline = new RequestPipeline(engine, options, requests);
        app.Run(pipeline.HandleAsync);
        return app;
    }

    /// <summary>An IP address, or localhost for 127.0.0.1; a host name would bind something else than asked.</summary>
    private static IPAddress Address(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var ip) ? ip
        : throw new ArgumentException($"The host to bind must be an IP address (or localhost), not '{host}'.");

    private async Task AdvanceAsync()
    {
        using var timer = new PeriodicTimer(AdvanceInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                try
                {
                    _engine.Advance();
                }
                catch (Exception)
                {
                    // Lazy advance on the next request will surface a persistent problem.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
