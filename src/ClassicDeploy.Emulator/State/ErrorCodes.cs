namespace ClassicDeploy.Emulator.State;

/// <summary>The Service Management error codes the emulator answers with (the &lt;Code&gt; of an &lt;Error&gt; body), defined once.</summary>
internal static class ErrorCodes
{
    public const string MissingOrIncorrectVersionHeader = "MissingOrIncorrectVersionHeader";
    public const string InvalidXmlRequest = "InvalidXmlRequest";
    public const string BadRequest = "BadRequest";
    public const string ForbiddenError = "ForbiddenError";
    public const string ResourceNotFound = "ResourceNotFound";
    public const string MethodNotAllowed = "MethodNotAllowed";
    public const string ConflictError = "ConflictError";
    public const string RequestTimeout = "RequestTimeout";
    public const string RequestBodyTooLarge = "RequestBodyTooLarge";
    public const string RequestUriTooLong = "RequestUriTooLong";
    public const string RequestHeaderFieldsTooLarge = "RequestHeaderFieldsTooLarge";
    public const string InternalError = "InternalError";
    public const string ServiceUnavailable = "ServiceUnavailable";
}
