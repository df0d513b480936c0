using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;
using ClassicDeploy.Models;

namespace ClassicDeploy.Wire;

/// <summary>Writes one request body: one line, UTF-8 declaration, default namespace, every value escaped by XmlWriter.</summary>
internal sealed class XmlBody : IDisposable
{
    public const string Namespace = "http://schemas.microsoft.com/windowsazure";

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly MemoryStream _stream = new MemoryStream();
    private readonly XmlWriter _writer;

    public XmlBody(string root)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = Utf8,
            Indent = false,
            NewLineHandling = NewLineHandling.Entitize,
            CheckCharacters = true,
            OmitXmlDeclaration = false,
        };
        _writer = XmlWriter.Create(_stream, settings);
        _writer.WriteStartDocument();
        _writer.WriteStartElement(root, Namespace);
    }

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>Writes the element unless the value is null or empty.</summary>
    public XmlBody Element(string name, string? value, string property)
    {
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        try
        {
            _writer.WriteElementString(name, Namespace, value);
        }
        catch (ArgumentException ex)
        {
            throw RequestRules.Fail(property, property + " cannot be written as XML: " + ex.Message);
        }

        return this;
    }

    public XmlBody Element(string name, bool? value) =>
        value.HasValue ? Raw(name, value.Value ? "true" : "false") : this;

    public XmlBody Element(string name, int value) =>
        Raw(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public XmlBody ExtendedProperties(IList<ExtendedProperty>? properties)
    {
        if (properties == null || properties.Count == 0)
        {
            return this;
        }

        _writer.WriteStartElement("ExtendedProperties", Namespace);
        foreach (ExtendedProperty p in properties)
        {
            _writer.WriteStartElement("ExtendedProperty", Namespace);
            Element("Name", p.Name, "ExtendedProperties");
            Element("Value", p.Value, "ExtendedProperties");
            _writer.WriteEndElement();
        }

        _writer.WriteEndElement();
        return this;
    }

    public XmlBody ExtensionConfiguration(ExtensionConfiguration? configuration)
    {
        const string Property = "ExtensionConfiguration";
        bool hasAll = configuration?.AllRoles != null && configuration.AllRoles.Count > 0;
        bool hasNamed = configuration?.NamedRoles != null && configuration.NamedRoles.Count > 0;
        if (!hasAll && !hasNamed)
        {
            return this;
        }

        _writer.WriteStartElement("ExtensionConfiguration", Namespace);
        if (hasAll)
        {
            _writer.WriteStartElement("AllRoles", Namespace);
            Extensions(configuration!.AllRoles, Property);
            _writer.WriteEndElement();
        }

        if (hasNamed)
        {
            _writer.WriteStartElement("NamedRoles", Namespace);
            foreach (RoleExtensions role in configuration!.NamedRoles)
            {
                _writer.WriteStartElement("Role", Namespace);
                Element("RoleName", role.RoleName, Property);
                _writer.WriteStartElement("Extensions", Namespace);
                Extensions(role.Extensions, Property);
                _writer.WriteEndElement();
                _writer.WriteEndElement();
            }

            _writer.WriteEndElement();
        }

        _writer.WriteEndElement();
        return this;
    }

    public string Finish()
    {
        _writer.WriteEndElement();
        _writer.WriteEndDocument();
        _writer.Flush();
        return Utf8.GetString(_stream.ToArray());
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    private XmlBody Raw(string name, string value)
    {
        _writer.WriteElementString(name, Namespace, value);
        return this;
    }

    private void Extensions(IEnumerable<ExtensionReference> extensions, string property)
    {
        foreach (ExtensionReference e in extensions)
        {
            _writer.WriteStartElement("Extension", Namespace);
            Element("Id", e.Id, property);
            Element("State", e.State, property);
            _writer.WriteEndElement();
        }
    }
}
