using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.State;
using ClassicDeploy.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace ClassicDeploy.Emulator.Http;

/// <summary>
/// Every request, in order: request id, faults, management certificate, x-ms-version, body cap,
/// endpoint. Every failure becomes one &lt;Error&gt; through <see cref="ErrorFactory"/>; every
/// request becomes one <see cref="RequestLogEntry"/> and one log line (never a body).
/// </summary>
internal sealed class RequestPipeline
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;
    public const string RequestIdHeader = "x-ms-request-id";

    private readonly ManagementEndpoints endpoints;
    private readonly FaultInjector faults;
    private readonly CertificateGate certificates;
    private readonly RequestLog log;
    private readonly Action<string>? logLine;
    private readonly TimeProvider clock;

    public RequestPipeline(ManagementEngine engine, EmulatorOptions options, RequestLog log)
    {
        this.endpoints = new ManagementEndpoints(engine);
        this.faults = new FaultInjector(options.Faults);
        this.certificates = new CertificateGate(options);
        this.log = log;
        this.logLine = options.Log;
        this.clock = options.Clock;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = Guid.NewGuid().ToString("N");
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var subscriptionId = ManagementRoute.SubscriptionOf(path);
        context.Response.Headers[RequestIdHeader] = requestId;

        var fault = this.faults.Next(request);
        var status = 0;
        try
        {
            if (fault == FaultKind.ConnectionReset)
            {
                context.Abort();
                return;
            }

            await this.ProcessAsync(context, fault, subscriptionId, requestId).ConfigureAwait(false);
            status = context.Response.StatusCode;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            status = 499;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var query = request.QueryString.Value ?? string.Empty;
            this.log.Add(new RequestLogEntry(this.clock.GetUtcNow(), request.Method, path, query, subscriptionId, status, requestId, elapsed, fault));
            this.logLine?.Invoke(string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1}{2} {3} {4} {5:0.0}ms{6}",
                request.Method,
                path,
                query,
                status,
                requestId,
                elapsed,
                fault is null ? string.Empty : " fault=" + fault));
        }
    }

    private async Task ProcessAsync(HttpContext context, FaultKind? fault, string? subscriptionId, string requestId)
    {
        try
        {
            switch (fault)
            {
                case FaultKind.ServiceUnavailable:
                    var retryAfter = this.faults.Options!.RetryAfterSeconds;
                    context.Response.Headers["Retry-After"] = retryAfter.ToString(CultureInfo.InvariantCulture);
                    throw new WireException(503, ErrorCodes.ServiceUnavailable, "The server is currently unable to receive requests. Please retry your request.");
                case FaultKind.InternalError:
                    throw new WireException(500, ErrorCodes.InternalError, "The server encountered an internal error. Please retry the request.");
                case FaultKind.Latency:
                    await Task.Delay(this.faults.Options!.Latency, context.RequestAborted).ConfigureAwait(false);
                    break;
            }

            await this.certificates.CheckAsync(context, subscriptionId).ConfigureAwait(false);
            var version = context.Request.Headers["x-ms-version"].ToString();
            if (!ApiVersions.IsKnown(version))
            {
                throw new WireException(400, ErrorCodes.MissingOrIncorrectVersionHeader, "The versioning header is not specified or was specified incorrectly.");
            }

            var route = ManagementRoute.Match(context.Request.Path.Value ?? "/");
            var body = await ReadBodyAsync(context).ConfigureAwait(false);
            await this.endpoints.HandleAsync(new ManagementRequest(context, subscriptionId!, version, requestId, body), route).ConfigureAwait(false);
        }
        catch (WireException e)
        {
            if (e.StatusCode == 413)
            {
                // Do not drain the rest of an oversized body: answer and close the connection.
                context.Response.Headers.Connection = "close";
            }

            await ErrorFactory.WriteAsync(context, e.StatusCode, e.Code, e.Message).ConfigureAwait(false);
        }
        catch (EmulatorException e)
        {
            await ErrorFactory.WriteAsync(context, e.StatusCode, e.Code, e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            await ErrorFactory.WriteAsync(context, 500, ErrorCodes.InternalError, "The server encountered an internal error. Please retry the request.").ConfigureAwait(false);
        }
    }

    /// <summary>The whole body, at most <see cref="MaxBodyBytes"/>; more is 413 before it is all read.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static WireException TooLarge() =>
        new(413, ErrorCodes.RequestBodyTooLarge, $"The request body is larger than {MaxBodyBytes} bytes.");
}
