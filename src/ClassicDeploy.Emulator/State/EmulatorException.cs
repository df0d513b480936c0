using System;

namespace ClassicDeploy.Emulator.State;

/// <summary>A semantic failure of a management operation; the wire layer turns it into an &lt;Error&gt; body.</summary>
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
