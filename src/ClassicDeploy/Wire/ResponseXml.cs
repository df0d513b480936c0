using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ClassicDeploy.Models;

namespace ClassicDeploy.Wire;

/// <summary>Reading helpers for response bodies: strict about shape, tolerant of unknown extra elements.</summary>
internal static class ResponseXml
{
    public static readonly XNamespace Ns = XmlBody.Namespace;

    /// <summary>Parses the body and checks its root element; anything else is an InvalidResponseException.</summary>
    public static XElement Root(string? body, string expectedRoot)
    {
        if (body == null || body.Trim().Length == 0)
        {
            throw Invalid("The response body is empty where a " + expectedRoot + " document was expected.");
        }

        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using (var reader = XmlReader.Create(new StringReader(body), settings))
            {
                document = XDocument.Load(reader);
            }
        }
        catch (XmlException ex)
        {
            throw Invalid("The response is not well-formed XML where a " + expectedRoot + " document was expected (" + ex.Message + ").", ex);
        }

        XElement root = document.Root!;
        if (root.Name != Ns + expectedRoot)
        {
            throw Invalid("The response root element is " + Describe(root.Name) + ", not " + expectedRoot + " in namespace " + Ns.NamespaceName + ".");
        }

        return root;
    }

    public static InvalidResponseException Invalid(string message, Exception? inner = null) =>
        new InvalidResponseException(message, null, null, inner);

    public static XElement? Child(XElement parent, string name) => parent.Element(Ns + name);

    public static string? Optional(XElement parent, string name)
    {
        XElement? e = Child(parent, name);
        return e == null || e.Value.Length == 0 ? null : e.Value;
    }

    public static string Required(XElement parent, string name)
    {
        string? value = Optional(parent, name);
        return value ?? throw Invalid(parent.Name.LocalName + " has no " + name + " element.");
    }

    public static int? OptionalInt(XElement parent, string name)
    {
        string? text = Optional(parent, name);
        if (text == null)
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            throw Invalid(parent.Name.LocalName + "/" + name + " is not an integer: '" + Clip(text) + "'.");
        }

        return value;
    }

    public static bool OptionalBool(XElement parent, string name)
    {
        string? text = Optional(parent, name);
        switch (text?.Trim())
        {
            case null:
            case "false":
            case "False":
                return false;
            case "true":
            case "True":
                return true;
            default:
                throw Invalid(parent.Name.LocalName + "/" + name + " is not true or false: '" + Clip(text!) + "'.");
        }
    }

    public static DateTime? OptionalTime(XElement parent, string name)
    {
        string? text = Optional(parent, name);
        if (text == null)
        {
            return null;
        }

        try
        {
            return XmlConvert.ToDateTime(text.Trim(), XmlDateTimeSerializationMode.Utc);
        }
        catch (FormatException ex)
        {
            throw Invalid(parent.Name.LocalName + "/" + name + " is not an ISO 8601 time: '" + Clip(text) + "'.", ex);
        }
    }

    public static Uri? OptionalUri(XElement parent, string name)
    {
        string? text = Optional(parent, name);
        if (text == null)
        {
            return null;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? uri)
            ? uri
            : throw Invalid(parent.Name.LocalName + "/" + name + " is not an absolute URI: '" + Clip(text) + "'.");
    }

    /// <summary>An enum value by name only (numbers and unknown names are rejected).</summary>
    public static T Enum<T>(XElement parent, string name)
        where T : struct
    {
        string text = Required(parent, name).Trim();
        if (text.Length == 0 || !char.IsLetter(text[0]) || !System.Enum.TryParse(text, ignoreCase: true, out T value))
        {
            throw Invalid(parent.Name.LocalName + "/" + name + " has the unknown value '" + Clip(text) + "'; expected one of " + string.Join(", ", System.Enum.GetNames(typeof(T))) + ".");
        }

        return value;
    }

    /// <summary>Decodes a base64 UTF-8 element (Label, Configuration); never echoes its content.</summary>
    public static string? Base64(XElement parent, string name)
    {
        string? text = Optional(parent, name);
        if (text == null)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text.Trim()));
        }
        catch (FormatException ex)
        {
            throw Invalid(parent.Name.LocalName + "/" + name + " is not valid base64.", ex);
        }
    }

    public static ExtendedProperty[] ExtendedProperties(XElement parent)
    {
        XElement? list = Child(parent, "ExtendedProperties");
        if (list == null)
        {
            return Array.Empty<ExtendedProperty>();
        }

        return list.Elements(Ns + "ExtendedProperty")
            .Select(p => new ExtendedProperty(Required(p, "Name"), Child(p, "Value")?.Value))
            .ToArray();
    }

    private static string Describe(XName name) =>
        name.NamespaceName.Length == 0 ? name.LocalName + " (no namespace)" : name.LocalName + " in namespace " + name.NamespaceName;

    private static string Clip(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
}
