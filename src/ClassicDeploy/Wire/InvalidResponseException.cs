using System;

namespace ClassicDeploy.Wire;

/// <summary>The service's answer could not be understood (truncated or foreign XML, HTML, missing headers, unknown values).</summary>
public sealed class InvalidResponseException : Exception
{
    public InvalidResponseException(string message, int? statusCode = null, string? requestId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RequestId = requestId;
    }

    public int? StatusCode { get; }

    public string? RequestId { get; }
}
