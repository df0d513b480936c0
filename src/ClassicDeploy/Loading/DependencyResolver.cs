using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace ClassicDeploy.Loading;

/// <summary>
/// Loads the module's dependencies (Polly.Core, Microsoft.Bcl.*) from the module's
/// <c>dependencies/</c> folder. On PowerShell 7 they go into a private AssemblyLoadContext,
/// so another module's copy of the same assembly names, loaded before or after us into the
/// default context, neither breaks us nor is broken by us. On Windows PowerShell 5.1 there is
/// no load context to isolate in, and they are loaded from the folder with LoadFrom.
/// </summary>
public sealed class DependencyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object Gate = new object();
    private static readonly Dictionary<string, Assembly> Loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
    private static object? _loadContext;
    private static MethodInfo? _loadFromPath;
    private static bool _registered;

    /// <summary>The folder holding the dependencies: next to ClassicDeploy.dll.</summary>
    public static string DependencyDirectory { get; } =
        Path.Combine(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? ".", "dependencies");

    /// <summary>The name of the private load context on PowerShell 7, or null before first use and on 5.1.</summary>
    public static string? LoadContextName => _loadContext?.ToString();

    /// <inheritdoc />
    public void OnImport() => Register();

    /// <inheritdoc />
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (Gate)
        {
            if (_registered)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                _registered = false;
            }
        }
    }

    /// <summary>Hooks assembly resolution once per process; idempotent.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered || !Directory.Exists(DependencyDirectory))
            {
                return;
            }

            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            _registered = true;
        }
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        string? name = new AssemblyName(args.Name).Name;
        if (name is null)
        {
            return null;
        }

        string path = Path.Combine(DependencyDirectory, name + ".dll");
        if (!File.Exists(path))
        {
            return null;
        }

        lock (Gate)
        {
            if (!Loaded.TryGetValue(name, out Assembly? assembly))
            {
                assembly = Load(path);
                Loaded[name] = assembly;
            }

            return assembly;
        }
    }

    private static Assembly Load(string path)
    {
        // AssemblyLoadContext is not in netstandard2.0: reach it through reflection on .NET (Core).
        Type? contextType = Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false);
        if (contextType is null)
        {
            return Assembly.LoadFrom(path);
        }

        if (_loadContext is null)
        {
            ConstructorInfo? constructor = contextType.GetConstructor(new[] { typeof(string), typeof(bool) });
            _loadFromPath = contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
            if (constructor is null || _loadFromPath is null)
            {
                return Assembly.LoadFrom(path);
            }

            _loadContext = constructor.Invoke(new object[] { "ClassicDeploy.Dependencies", false });
        }

        return (Assembly)_loadFromPath!.Invoke(_loadContext, new object[] { path })!;
    }
}
