using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using ClassicDeploy.Emulator.State;

namespace ClassicDeploy.Emulator.Wire;

/// <summary>
/// Walks a request body element by element in the order docs/PROTOCOL.md gives, the way the real
/// service does: no DTDs, no entities beyond the predefined ones, no unknown or out-of-order
/// elements. Every structural problem is a 400 InvalidXmlRequest.
/// </summary>
internal sealed class XmlRequestReader : IDisposable
{
    private const int MaxDepth = 16;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = 8 * 1024 * 1024,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private readonly XmlReader _reader;
    private readonly Stack<(string Name, bool Empty)> _open = new();

    private XmlRequestReader(XmlReader reader) => _reader = reader;

    /// <summary>Opens <paramref name="body"/> and enters its root, which must be <paramref name="root"/> in the management namespace.</summary>
    public static XmlRequestReader Open(byte[] body, string root)
    {
        var result = new XmlRequestReader(XmlReader.Create(new MemoryStream(body, false), Settings));
        try
        {
            result.Guard(() =>
            {
                if (result._reader.MoveToContent() != XmlNodeType.Element)
                {
                    throw Errors.InvalidXml("The request body is not an XML document.");
                }
            });
            if (result._reader.LocalName != root || result._reader.NamespaceURI != XmlResponse.Namespace)
            {
                throw Errors.InvalidXml(
                    $"Expected the root element {root} in namespace {XmlResponse.Namespace}, found {result._reader.LocalName} in namespace '{result._reader.NamespaceURI}'.");
            }

            result.Enter(root);
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>True when the next child of the open element is <paramref name="name"/>.</summary>
    public bool IsAt(string name) =>
        !_open.Peek().Empty
        && _reader.NodeType == XmlNodeType.Element
        && _reader.LocalName == name
        && _reader.NamespaceURI == XmlResponse.Namespace;

    /// <summary>The text of the next child if it is <paramref name="name"/>, else null (and nothing is consumed).</summary>
    public string? Optional(string name)
    {
        if (!this.IsAt(name))
        {
            return null;
        }

        return this.Guard(() => _reader.ReadElementContentAsString());
    }

    public string Required(string name) =>
        this.Optional(name) ?? throw Errors.InvalidXml($"The required element {name} is missing or out of order{this.Found()}.");

    /// <summary>Steps into the next child if it is <paramref name="name"/>; pair with <see cref="Leave"/>.</summary>
    public bool Enter(string name)
    {
        if (_open.Count > 0 && !this.IsAt(name))
        {
            return false;
        }

        if (_open.Count >= MaxDepth)
        {
            throw Errors.InvalidXml("The request body is nested too deeply.");
        }

        var empty = _reader.IsEmptyElement;
        this.Guard(() => _reader.Read());
        _open.Push((name, empty));
        if (!empty && _reader.NodeType != XmlNodeType.Element && _reader.NodeType != XmlNodeType.EndElement)
        {
            throw Errors.InvalidXml($"The element {name} must contain only elements.");
        }

        return true;
    }

    /// <summary>Leaves the open element; anything not yet read in it is unknown or out of order.</summary>
    public void Leave()
    {
        var (name, empty) = _open.Pop();
        if (empty)
        {
            return;
        }

        if (_reader.NodeType != XmlNodeType.EndElement)
        {
            throw Errors.InvalidXml($"Unexpected element {_reader.LocalName} in {name}: unknown or out of order.");
        }

        this.Guard(() => _reader.Read());
        if (_open.Count == 0)
        {
            this.Guard(() =>
            {
                if (_reader.MoveToContent() != XmlNodeType.None || !_reader.EOF)
                {
                    throw Errors.InvalidXml("Unexpected content after the root element.");
                }
            });
        }
    }

    public void Dispose() => _reader.Dispose();

    public static bool ParseBoolean(string name, string text)
    {
        if (text == "true")
        {
            return true;
        }

        if (text == "false")
        {
            return false;
        }

        throw Errors.InvalidXml($"The value of {name} must be true or false.");
    }

    public static int ParseInt(string name, string text)
    {
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw Errors.InvalidXml($"The value of {name} is not a valid integer.");
    }

    /// <summary>Base64 of UTF-8 text, as Label and Configuration are sent.</summary>
    public static string ParseBase64Text(string name, string text)
    {
        try
        {
            return StrictUtf8.GetString(Convert.FromBase64String(text.Trim()));
        }
        catch (FormatException)
        {
            throw Errors.InvalidXml($"The value of {name} is not valid base64-encoded UTF-8 text.");
        }
        catch (ArgumentException)
        {
            throw Errors.InvalidXml($"The value of {name} is not valid base64-encoded UTF-8 text.");
        }
    }

    private string Found() =>
        _reader.NodeType == XmlNodeType.Element ? $" (found {_reader.LocalName})" : string.Empty;

    private void Guard(Action action) => this.Guard(() =>
    {
        action();
        return 0;
    });

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (XmlException e)
        {
            throw Errors.InvalidXml("The request body is not well-formed XML: " + e.Message);
        }
        catch (InvalidOperationException e)
        {
            throw Errors.InvalidXml("The request body is not valid: " + e.Message);
        }
    }
}
