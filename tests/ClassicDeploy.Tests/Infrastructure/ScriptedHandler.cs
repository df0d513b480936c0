using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;

namespace ClassicDeploy.Tests.Infrastructure;

/// <summary>A fake transport: answers from a script, records every request it saw (body read before the client disposes it).</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>>();

    public List<SeenRequest> Seen { get; } = new List<SeenRequest>();

    /// <summary>Used once the script is exhausted.</summary>
    public Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? Otherwise { get; set; }

    public static HttpResponseMessage Answer(HttpStatusCode status, string? body = null, string? requestId = "0123456789abcdef0123456789abcdef")
    {
        var response = new HttpResponseMessage(status);
        if (body != null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, "application/xml");
        }

        if (requestId != null)
        {
            response.Headers.TryAddWithoutValidation("x-ms-request-id", requestId);
        }

        return response;
    }

    public static string Error(string code, string message) =>
        "<Error xmlns=\"http://schemas.microsoft.com/windowsazure\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><Code>" + code + "</Code><Message>" + message + "</Message></Error>";

    public static string Operation(string id, string status) =>
        "<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>" + id + "</ID><Status>" + status + "</Status></Operation>";

    public ScriptedHandler Then(HttpStatusCode status, string? body = null, string? requestId = "0123456789abcdef0123456789abcdef")
    {
        _script.Enqueue((r, ct) => Task.FromResult(Answer(status, body, requestId)));
        return this;
    }

    public ScriptedHandler Then(Func<HttpResponseMessage> answer)
    {
        _script.Enqueue((r, ct) => Task.FromResult(answer()));
        return this;
    }

    public ScriptedHandler ThenThrow(Exception exception)
    {
        _script.Enqueue((r, ct) => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>Never answers: the attempt ends only by the client's timeout or cancellation.</summary>
    public ScriptedHandler ThenHang()
    {
        _script.Enqueue(async (r, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    public static ServiceManagementClientOptions Options(ScriptedHandler handler, ConcurrentQueue<string>? verbose = null) => new ServiceManagementClientOptions
    {
        Endpoint = new Uri("https://sm.test/"),
        SubscriptionId = "sub-1",
        Handler = handler,
        RequestTimeout = TimeSpan.FromSeconds(30),
        Retry = new RetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), MaxRetryAfter = TimeSpan.FromMilliseconds(20) },
        Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(1), MaxInterval = TimeSpan.FromMilliseconds(5) },
        Verbose = verbose == null ? null : verbose.Enqueue,
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        lock (Seen)
        {
            Seen.Add(new SeenRequest(
                request.Method.Method,
                request.RequestUri!.AbsoluteUri,
                request.Headers.TryGetValues("x-ms-version", out var v) ? string.Join(",", v) : null,
                request.Content?.Headers.ContentType?.ToString(),
                body));
        }

        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> next;
        lock (_script)
        {
            next = _script.Count > 0 ? _script.Dequeue() : Otherwise ?? throw new InvalidOperationException("The script has no answer for " + request.Method + " " + request.RequestUri);
        }

        return await next(request, cancellationToken).ConfigureAwait(false);
    }
}

internal sealed record SeenRequest(string Method, string Uri, string? Version, string? ContentType, string? Body);
