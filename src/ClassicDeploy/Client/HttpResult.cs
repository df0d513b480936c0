using System;

namespace ClassicDeploy.Client;

/// <summary>One HTTP answer, read completely: what the client needs, and nothing that must be disposed.</summary>
internal sealed class HttpResult
{
    public HttpResult(int statusCode, string? reasonPhrase, string? requestId, TimeSpan? retryAfter, string body)
    {
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        RequestId = requestId;
        RetryAfter = retryAfter;
        Body = body;
    }

    public int StatusCode { get; }

    public string? ReasonPhrase { get; }

    public string? RequestId { get; }

    public TimeSpan? RetryAfter { get; }

    public string Body { get; }

    public bool IsSuccess => StatusCode >= 200 && StatusCode <= 299;
}
