using System;

namespace ClassicDeploy.Emulator.State;

/// <summary>
/// The one failure a request can end in, from the wire layer (bad XML, unknown route) or the engine (404, 400, 409):
/// an HTTP status and an <see cref="ErrorCodes"/> code; the pipeline writes it as the service's &lt;Error&gt; body.
/// Build them through <see cref="Errors"/>.
/// </summary>
public sealed class EmulatorException : Exception
{
    public EmulatorException(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public int StatusCode { get; }

    public string Code { get; }
}
