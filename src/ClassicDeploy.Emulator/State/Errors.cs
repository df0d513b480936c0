namespace ClassicDeploy.Emulator.State;

/// <summary>Every <see cref="EmulatorException"/> the emulator raises, with its status, code and stable message.</summary>
internal static class Errors
{
    public const string ServiceNotFoundMessage = "The hosted service does not exist.";
    public const string DeploymentNotFoundMessage = "No deployments were found.";
    public const string OperationNotFoundMessage = "The operation request ID was not found.";
    public const string ResourceNotFoundMessage = "The requested resource does not exist.";
    public const string ForbiddenMessage =
        "The server failed to authenticate the request. Verify that the certificate is valid and is associated with this subscription.";

    public static EmulatorException ServiceNotFound() => NotFound(ServiceNotFoundMessage);

    public static EmulatorException DeploymentNotFound() => NotFound(DeploymentNotFoundMessage);

    public static EmulatorException OperationNotFound() => NotFound(OperationNotFoundMessage);

    public static EmulatorException NotFound(string message) => new(404, ErrorCodes.ResourceNotFound, message);

    public static EmulatorException BadRequest(string message) => new(400, ErrorCodes.BadRequest, message);

    public static EmulatorException InvalidXml(string message) => new(400, ErrorCodes.InvalidXmlRequest, message);

    public static EmulatorException Forbidden() => new(403, ErrorCodes.ForbiddenError, ForbiddenMessage);

    public static EmulatorException MethodNotAllowed(string method) =>
        new(405, ErrorCodes.MethodNotAllowed, $"The method {method} is not allowed on this resource.");

    public static EmulatorException MissingOrIncorrectVersionHeader() => new(
        400, ErrorCodes.MissingOrIncorrectVersionHeader, "The versioning header is not specified or was specified incorrectly.");

    public static EmulatorException TooLarge(int maxBytes) =>
        new(413, ErrorCodes.RequestBodyTooLarge, $"The request body is larger than {maxBytes} bytes.");

    public static EmulatorException InternalError() =>
        new(500, ErrorCodes.InternalError, "The server encountered an internal error. Please retry the request.");

    public static EmulatorException ServiceUnavailable() =>
        new(503, ErrorCodes.ServiceUnavailable, "The server is currently unable to receive requests. Please retry your request.");

    /// <summary>A change the store did not take (busy or failing): not applied, so the client may safely retry.</summary>
    public static EmulatorException NotSaved() => new(
        503, ErrorCodes.ServiceUnavailable, "The change could not be saved and was not applied; the state store is busy. Please retry your request.");

    public static EmulatorException Conflict(string message) => new(409, ErrorCodes.ConflictError, message);

    public static EmulatorException Busy(string requestId) => Conflict(
        "Windows Azure is currently performing an operation with x-ms-requestid " + requestId
        + " on this deployment that requires exclusive access.");
}
