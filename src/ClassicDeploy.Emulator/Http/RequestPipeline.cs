using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.State;
using ClassicDeploy.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace ClassicDeploy.Emulator.Http;

/// <summary>
/// Every request, in order: request id, header and URI limits, faults, management certificate, x-ms-version, route, body cap,
/// endpoint. Every failure becomes one &lt;Error&gt; through <see cref="ErrorFactory"/>; every
/// request becomes one <see cref="RequestLogEntry"/> and one log line (never a body, control characters escaped),
/// written before the client can have read the answer.
/// </summary>
internal sealed class RequestPipeline
{
    public const int MaxBodyBytes = 4 * 1024 * 1024;
    public const string RequestIdHeader = "x-ms-request-id";

    private readonly ManagementEndpoints _endpoints;
    private readonly FaultInjector _faults;
    private readonly CertificateGate _certificates;
    private readonly RequestLog _log;
    private readonly Action<string>? _logLine;
    private readonly TimeProvider _clock;

    public RequestPipeline(ManagementEngine engine, EmulatorOptions options, RequestLog log)
    {
        _endpoints = new ManagementEndpoints(engine);
        _faults = new FaultInjector(options.Faults);
        _certificates = new CertificateGate(options);
        _log = log;
        _logLine = options.Log;
        _clock = options.Clock;
    }

    public static string NewRequestId() => Guid.NewGuid().ToString("N");

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = NewRequestId();
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var subscriptionId = ManagementRoute.SubscriptionOf(path);
        context.Response.Headers[RequestIdHeader] = requestId;

        var fault = _faults.Next(request);
        var logged = 0;
        void Log(int status)
        {
            if (Interlocked.Exchange(ref logged, 1) != 0)
            {
                return;
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var query = request.QueryString.Value ?? string.Empty;
            _log.Add(new RequestLogEntry(_clock.GetUtcNow(), request.Method, path, query, subscriptionId, status, requestId, elapsed, fault));
            _logLine?.Invoke(string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1}{2} {3} {4} {5:0.0}ms{6}",
                LogText.Escape(request.Method),
                LogText.Escape(path),
                LogText.Escape(query),
                status,
                requestId,
                elapsed,
                fault is null ? string.Empty : " fault=" + fault));
        }

        // A response with a body starts while the endpoint writes it, and its client can read it before this
        // method ends: log it as its headers go out, so whoever has the answer also finds it in the log. One
        // without a body (or none at all) goes out only after this method returns, so the finally logs it first.
        context.Response.OnStarting(() =>
        {
            Log(context.Response.StatusCode);
            return Task.CompletedTask;
        });
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
            Log(status);
        }
    }

    private async Task ProcessAsync(HttpContext context, FaultKind? fault, string? subscriptionId, string requestId)
    {
        try
        {
            RequestLimits.Check(context.Request);
            switch (fault)
            {
                case FaultKind.ServiceUnavailable:
                    var retryAfter = _faults.Options!.RetryAfterSeconds;
                    context.Response.Headers["Retry-After"] = retryAfter.ToString(CultureInfo.InvariantCulture);
                    throw Errors.ServiceUnavailable();
                case FaultKind.InternalError:
                    throw Errors.InternalError();
                case FaultKind.Latency:
                    await Task.Delay(_faults.Options!.Latency, context.RequestAborted).ConfigureAwait(false);
                    break;
            }

            await _certificates.CheckAsync(context, subscriptionId).ConfigureAwait(false);
            var version = context.Request.Headers["x-ms-version"].ToString();
            if (!ApiVersions.IsKnown(version))
            {
                throw Errors.MissingOrIncorrectVersionHeader();
            }

            var request = context.Request;
            var route = ManagementRoute.Match(request.Path.Value ?? "/", request.Method, request.Query["comp"].ToString());
            var body = await ReadBodyAsync(context).ConfigureAwait(false);
            await _endpoints.HandleAsync(new ManagementRequest(context, subscriptionId!, version, requestId, body), route).ConfigureAwait(false);
        }
        catch (EmulatorException e) when (!context.Response.HasStarted)
        {
            if (e.StatusCode == 503 && !context.Response.Headers.ContainsKey("Retry-After"))
            {
                context.Response.Headers["Retry-After"] = "1";
            }

            if (e.StatusCode is 408 or 413 or 414 or 431)
            {
                // Do not drain the rest of an oversized or broken body: answer and close the connection.
                context.Response.Headers.Connection = "close";
            }

            await ErrorFactory.WriteAsync(context, e.StatusCode, e.Code, e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            await ErrorFactory.WriteAsync(context, 500, ErrorCodes.InternalError, Errors.InternalError().Message).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The whole body, at most <see cref="MaxBodyBytes"/>; more is 413 before it is all read. A body the server cannot
    /// read (malformed chunks, shorter than its Content-Length, arriving too slowly) is 400 or 408.
    /// </summary>
    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            throw Errors.TooLarge(MaxBodyBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    throw Errors.TooLarge(MaxBodyBytes);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            // What is left of a broken body cannot be drained: answer and close the connection.
            context.Response.Headers.Connection = "close";
            throw e.StatusCode switch
            {
                408 => new EmulatorException(408, ErrorCodes.RequestTimeout, "The request body arrived too slowly."),
                413 => Errors.TooLarge(MaxBodyBytes),
                _ => new EmulatorException(400, ErrorCodes.BadRequest, "The request body could not be read: " + e.Message),
            };
        }

        return buffer.ToArray();
    }
}
