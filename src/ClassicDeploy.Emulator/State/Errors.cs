namespace ClassicDeploy.Emulator.State;

/// <summary>The engine's error codes and stable messages.</summary>
internal static class Errors
{
    public const string ServiceNotFoundMessage = "The hosted service does not exist.";
    public const string DeploymentNotFoundMessage = "No deployments were found.";
    public const string OperationNotFoundMessage = "The operation request ID was not found.";

    public static EmulatorException ServiceNotFound() => new(404, "ResourceNotFound", ServiceNotFoundMessage);

    public static EmulatorException DeploymentNotFound() => new(404, "ResourceNotFound", DeploymentNotFoundMessage);

    public static EmulatorException OperationNotFound() => new(404, "ResourceNotFound", OperationNotFoundMessage);

    public static EmulatorException BadRequest(string message) => new(400, "BadRequest", message);

    public static EmulatorException Conflict(string message) => new(409, "ConflictError", message);

    public static EmulatorException Busy(string requestId) => Conflict(
        "Windows Azure is currently performing an operation with x-ms-requestid " + requestId
        + " on this deployment that requires exclusive access.");
}
