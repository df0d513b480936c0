using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ClassicDeploy.Emulator.Wire;

/// <summary>The one place that writes the service's &lt;Error&gt; body, for every 4xx and 5xx.</summary>
internal static class ErrorFactory
{
    public const string ForbiddenMessage =
        "The server failed to authenticate the request. Verify that the certificate is valid and is associated with this subscription.";

    public static byte[] Build(string code, string message) => XmlResponse.Build(writer =>
    {
        writer.WriteStartElement("Error", XmlResponse.Namespace);
        writer.WriteAttributeString("xmlns", "i", null, XmlResponse.InstanceNamespace);
        writer.Element("Code", code);
        writer.Element("Message", message);
        writer.WriteEndElement();
    });

    public static async Task WriteAsync(HttpContext context, int statusCode, string code, string message)
    {
        var body = Build(code, message);
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = XmlResponse.ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
