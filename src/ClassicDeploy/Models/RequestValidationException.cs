using System;

namespace ClassicDeploy.Models;

/// <summary>A request model holds a value the service would reject; raised before anything is sent.</summary>
/// <remarks>ParamName is the model property name, e.g. Label or PackageUrl.</remarks>
public sealed class RequestValidationException : ArgumentException
{
    private readonly string _message;

    public RequestValidationException(string message, string paramName)
        : base(message, paramName)
    {
        _message = message;
    }

    /// <summary>The message alone, without the "(Parameter 'x')" suffix ArgumentException would append.</summary>
    public override string Message => _message;
}
