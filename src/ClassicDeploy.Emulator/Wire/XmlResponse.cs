using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.AspNetCore.Http;

namespace ClassicDeploy.Emulator.Wire;

/// <summary>Writes an XML body in the management namespace with the service's content type.</summary>
internal static class XmlResponse
{
    public const string Namespace = "http://schemas.microsoft.com/windowsazure";
    public const string InstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    public const string ContentType = "application/xml; charset=utf-8";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        OmitXmlDeclaration = false,
    };

    public static byte[] Build(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    public static async Task WriteAsync(HttpContext context, int statusCode, Action<XmlWriter> write)
    {
        var body = Build(write);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes <c>&lt;name&gt;value&lt;/name&gt;</c>, or nothing when the value is null or empty.</summary>
    public static void Optional(this XmlWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteElementString(name, Namespace, value);
        }
    }

    public static void Element(this XmlWriter writer, string name, string value) =>
        writer.WriteElementString(name, Namespace, value);

    public static void Time(this XmlWriter writer, string name, DateTimeOffset value) =>
        writer.WriteElementString(name, Namespace, FormatTime(value));

    public static string FormatTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
