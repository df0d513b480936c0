namespace ClassicDeploy.Models;

/// <summary>A name/value pair stored with a cloud service or deployment.</summary>
public sealed class ExtendedProperty
{
    public ExtendedProperty()
    {
    }

    public ExtendedProperty(string name, string? value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; set; } = string.Empty;

    public string? Value { get; set; }

    public override string ToString() => Name + "=" + Value;
}
