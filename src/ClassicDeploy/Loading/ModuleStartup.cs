using System.Runtime.CompilerServices;

namespace ClassicDeploy.Loading;

/// <summary>
/// Registers <see cref="DependencyResolver"/> as soon as the runtime touches ClassicDeploy.dll,
/// before PowerShell inspects the cmdlet types (OnImport runs after that).
/// </summary>
internal static class ModuleStartup
{
    [ModuleInitializer]
    internal static void Initialize() => DependencyResolver.Register();
}
