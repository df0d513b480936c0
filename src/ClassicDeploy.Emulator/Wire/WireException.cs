using System;

namespace ClassicDeploy.Emulator.Wire;

/// <summary>A request the wire layer refuses before the engine sees it; written by <see cref="ErrorFactory"/>.</summary>
internal sealed class WireException : Exception
{
    public WireException(int statusCode, string code, string message)
        : base(message)
    {
        this.StatusCode = statusCode;
        this.Code = code;
    }

    public int StatusCode { get; }

    public string Code { get; }

    public static WireException InvalidXml(string message) => new(400, ErrorCodes.InvalidXmlRequest, message);

    public static WireException BadRequest(string message) => new(400, ErrorCodes.BadRequest, message);

    public static WireException NotFound(string message) => new(404, ErrorCodes.ResourceNotFound, message);
}

/// <summary>The Service Management error codes the emulator answers with.</summary>
internal static class ErrorCodes
{
    public const string MissingOrIncorrectVersionHeader = "MissingOrIncorrectVersionHeader";
    public const string InvalidXmlRequest = "InvalidXmlRequest";
    public const string BadRequest = "BadRequest";
    public const string ForbiddenError = "ForbiddenError";
    public const string ResourceNotFound = "ResourceNotFound";
    public const string ConflictError = "ConflictError";
    public const string RequestBodyTooLarge = "RequestBodyTooLarge";
    public const string InternalError = "InternalError";
    public const string ServiceUnavailable = "ServiceUnavailable";
}
