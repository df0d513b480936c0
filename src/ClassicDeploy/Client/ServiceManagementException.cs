using System;

namespace ClassicDeploy.Client;

/// <summary>The service answered with an error status (and usually an Error body).</summary>
public sealed class ServiceManagementException : Exception
{
    public ServiceManagementException(int statusCode, string? errorCode, string message, string? requestId)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    public int StatusCode { get; }

    /// <summary>The wire Code, e.g. ConflictError or ResourceNotFound; null when there was no Error body.</summary>
    public string? ErrorCode { get; }

    public string? RequestId { get; }
}
