namespace System.Runtime.CompilerServices;

/// <summary>netstandard2.0 lacks this attribute; the compiler only needs its name to emit a module initializer.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class ModuleInitializerAttribute : Attribute
{
}
