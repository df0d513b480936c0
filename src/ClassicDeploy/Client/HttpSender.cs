using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace ClassicDeploy.Client;

/// <summary>
/// Sends one logical request as one or more attempts. GETs retry every transient failure; mutations retry only
/// when the request provably was not accepted (503, 429, connection refused), so a mutation is never duplicated.
/// </summary>
internal sealed class HttpSender
{
    private static readonly ResiliencePropertyKey<HttpMethod?> MethodKey = new ResiliencePropertyKey<HttpMethod?>("ClassicDeploy.Method");
    private static readonly ResiliencePropertyKey<Uri?> UriKey = new ResiliencePropertyKey<Uri?>("ClassicDeploy.Uri");
    private static readonly MediaTypeHeaderValue Xml = new MediaTypeHeaderValue("application/xml");

    private readonly HttpClient _http;
    private readonly ServiceManagementClientOptions _options;
    private readonly ResiliencePipeline<HttpResult> _safe;
    private readonly ResiliencePipeline<HttpResult> _mutation;

    public HttpSender(HttpClient http, ServiceManagementClientOptions options)
    {
        _http = http;
        _options = options;
        _safe = Build(IsTransientForRead);
        _mutation = Build(ProvablyNotAccepted);
    }

    public async Task<HttpResult> SendAsync(HttpMethod method, Uri uri, string? body, CancellationToken ct)
    {
        bool safe = method == HttpMethod.Get || method == HttpMethod.Head;
        ResilienceContext context = ResilienceContextPool.Shared.Get(ct);
        try
        {
            // The retry's verbose line names the request; built only if a retry happens.
            context.Properties.Set(MethodKey, method);
            context.Properties.Set(UriKey, uri);
            return await (safe ? _safe : _mutation).ExecuteAsync(
                (ctx, self) => self.AttemptAsync(method, uri, body, ctx.CancellationToken),
                context,
                this).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    internal static bool IsTransientStatus(int status) =>
        status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;

    private static bool IsTransientForRead(Outcome<HttpResult> outcome) =>
        outcome.Exception is TimeoutException || outcome.Exception is HttpRequestException ||
        (outcome.Result != null && IsTransientStatus(outcome.Result.StatusCode));

    private static bool ProvablyNotAccepted(Outcome<HttpResult> outcome) =>
        (outcome.Result != null && (outcome.Result.StatusCode == 503 || outcome.Result.StatusCode == 429)) ||
        (outcome.Exception is HttpRequestException && IsConnectionRefused(outcome.Exception));

    private static bool IsConnectionRefused(Exception? exception)
    {
        for (Exception? e = exception; e != null; e = e.InnerException)
        {
            if (e is SocketException socket && socket.SocketErrorCode == SocketError.ConnectionRefused)
            {
                return true;
            }
        }

        return false;
    }

    private static string Reason(Outcome<HttpResult> outcome) =>
        outcome.Result != null ? outcome.Result.StatusCode.ToString(CultureInfo.InvariantCulture)
        : outcome.Exception is TimeoutException ? "a timeout"
        : "a connection failure";

    private ResiliencePipeline<HttpResult> Build(Func<Outcome<HttpResult>, bool> shouldRetry)
    {
        RetryOptions retry = _options.Retry ?? new RetryOptions();
        if (retry.MaxRetries <= 0)
        {
            return ResiliencePipeline<HttpResult>.Empty;
        }

        var strategy = new RetryStrategyOptions<HttpResult>
        {
            MaxRetryAttempts = retry.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            ShouldHandle = args => new ValueTask<bool>(shouldRetry(args.Outcome)),
            DelayGenerator = args =>
            {
                TimeSpan? after = args.Outcome.Result?.RetryAfter;
                TimeSpan? delay = after.HasValue ? (after.Value < retry.MaxRetryAfter ? after.Value : retry.MaxRetryAfter) : (TimeSpan?)null;
                return new ValueTask<TimeSpan?>(delay);
            },
            OnRetry = args =>
            {
                HttpMethod? method = args.Context.Properties.GetValue(MethodKey, null);
                Uri? uri = args.Context.Properties.GetValue(UriKey, null);
                string target = method is null || uri is null ? "request" : method.Method + " " + uri;
                Verbose(string.Format(CultureInfo.InvariantCulture, "Retrying {0} in {1:0.###} s after {2}", target, args.RetryDelay.TotalSeconds, Reason(args.Outcome)));
                return default;
            },
        };
        return new ResiliencePipelineBuilder<HttpResult>().AddRetry(strategy).Build();
    }

    private async ValueTask<HttpResult> AttemptAsync(HttpMethod method, Uri uri, string? body, CancellationToken ct)
    {
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        using (var request = new HttpRequestMessage(method, uri))
        {
            timeout.CancelAfter(_options.RequestTimeout);
            request.Headers.TryAddWithoutValidation("x-ms-version", _options.Version);
            if (body != null)
            {
                request.Content = new ByteArrayContent(new UTF8Encoding(false).GetBytes(body));
                request.Content.Headers.ContentType = Xml;
            }

            try
            {
                using (HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false))
                {
                    byte[] bytes = response.Content == null ? new byte[0] : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    string? requestId = Header(response, "x-ms-request-id");
                    int status = (int)response.StatusCode;
                    if (_options.VerboseListening?.Invoke() != false)
                    {
                        Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} (request id {3})", method.Method, uri, status, requestId ?? "none"));
                    }

                    return new HttpResult(status, response.ReasonPhrase, requestId, RetryAfter(response), Decode(bytes));
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested && timeout.IsCancellationRequested)
            {
                Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> no answer within {2:0.###} s", method.Method, uri, _options.RequestTimeout.TotalSeconds));
                throw new TimeoutException(string.Format(CultureInfo.InvariantCulture, "{0} {1} got no answer within {2:0.###} s.", method.Method, uri, _options.RequestTimeout.TotalSeconds));
            }
            catch (HttpRequestException ex)
            {
                Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> failed: {2}", method.Method, uri, ex.Message));
                throw;
            }
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? value = response.Headers.RetryAfter;
        if (value?.Delta != null)
        {
            return value.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : value.Delta.Value;
        }

        if (value?.Date != null)
        {
            TimeSpan delta = value.Date.Value - DateTimeOffset.UtcNow;
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        return null;
    }

    private static string Decode(byte[] bytes)
    {
        string text = Encoding.UTF8.GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
    }

    private void Verbose(string line) => _options.Verbose?.Invoke(line);
}
