using ClassicDeploy.Emulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ClassicDeploy.Emulator.Http;

/// <summary>
/// The header and request-line limits, enforced here so that a request over them is answered with the error XML
/// and a request id. Kestrel's own limits sit twice as high: only what lies beyond them (and what Kestrel cannot
/// parse at all: a bad request line, <c>%00</c> in the path) gets Kestrel's bare 400/414/431.
/// </summary>
internal static class RequestLimits
{
    /// <summary>Kestrel's default limits, the ones a client of the real server would meet first.</summary>
    public const int MaxHeadersTotalSize = 32 * 1024;
    public const int MaxHeaderCount = 100;
    public const int MaxRequestTarget = 8 * 1024;

    public static void ConfigureServer(KestrelServerLimits limits)
    {
        limits.MaxRequestHeadersTotalSize = 2 * MaxHeadersTotalSize;
        limits.MaxRequestHeaderCount = 2 * MaxHeaderCount;
        limits.MaxRequestLineSize = 2 * MaxRequestTarget;
    }

    public static void Check(HttpRequest request)
    {
        var target = (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0);
        if (target > MaxRequestTarget)
        {
            throw new EmulatorException(414, ErrorCodes.RequestUriTooLong, $"The request URI is longer than {MaxRequestTarget} characters.");
        }

        if (request.Headers.Count > MaxHeaderCount)
        {
            throw TooLarge($"The request has more than {MaxHeaderCount} headers.");
        }

        var size = 0;
        foreach (var header in request.Headers)
        {
            size += header.Key.Length + 4;
            foreach (var value in header.Value)
            {
                size += value?.Length ?? 0;
            }
        }

        if (size > MaxHeadersTotalSize)
        {
            throw TooLarge($"The request headers are larger than {MaxHeadersTotalSize} bytes.");
        }
    }

    private static EmulatorException TooLarge(string message) => new(431, ErrorCodes.RequestHeaderFieldsTooLarge, message);
}
