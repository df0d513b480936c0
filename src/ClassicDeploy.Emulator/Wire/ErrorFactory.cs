using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ClassicDeploy.Emulator.Wire;

/// <summary>The one place that writes the service's &lt;Error&gt; body, for every 4xx and 5xx.</summary>
internal static class ErrorFactory
{
    public static byte[] Build(string code, string message) => XmlResponse.Build(writer =>
    {
        writer.WriteStartElement("Error", XmlResponse.Namespace);
        writer.WriteAttributeString("xmlns", "i", null, XmlResponse.InstanceNamespace);
        writer.Element("Code", code);
        writer.Element("Message", Printable(message));
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

    /// <summary>
    /// Messages echo request input (a slot, a comp, an XML parser's complaint); a character XML cannot hold, or any
    /// other control character, is written as <c>\uXXXX</c> instead of failing the answer.
    /// </summary>
    public static string Printable(string message)
    {
        StringBuilder? result = null;
        for (var i = 0; i < message.Length; i++)
        {
            var c = message[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < message.Length && char.IsLowSurrogate(message[i + 1]);
            if (pair)
            {
                result?.Append(c).Append(message[i + 1]);
                i++;
                continue;
            }

            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                result ??= new StringBuilder(message, 0, i, message.Length + 16);
                result.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                result?.Append(c);
            }
        }

        return result?.ToString() ?? message;
    }
}
