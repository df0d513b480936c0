using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Packaging;

/// <summary>
/// Windows PowerShell 5.1 cannot run here, so what it needs is checked in the built files' metadata:
/// every assembly in the module folder targets .NET Standard 2.0 (or older .NET Standard/Framework
/// shapes), references System.Management.Automation at the 5.1 reference version, and everything it
/// references beyond the framework ships in dependencies/.
/// </summary>
public sealed class ModuleCompatibilityTests
{
    // What both .NET Framework 4.7.2+ (Windows PowerShell 5.1, which ships the .NET Standard facades
    // such as System.Runtime) and PowerShell 7 provide.
    private static readonly HashSet<string> Platform = new(StringComparer.OrdinalIgnoreCase) { "netstandard", "mscorlib", "System", "System.Core", "System.Runtime" };

    private static string ModuleFolder => Path.GetDirectoryName(TestRepository.ModuleManifest)!;

    [Fact]
    public void The_module_targets_netstandard2_0_and_the_PowerShell_5_1_reference_assemblies()
    {
        using var reader = Open(Path.Combine(ModuleFolder, "ClassicDeploy.dll"), out MetadataReader metadata);

        Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(metadata));
        AssemblyReference automation = References(metadata).Single(r => metadata.GetString(r.Name) == "System.Management.Automation");
        Assert.Equal(new Version(3, 0, 0, 0), automation.Version);
    }

    [Fact]
    public void Every_reference_beyond_the_platform_ships_in_dependencies()
    {
        string dependencies = Path.Combine(ModuleFolder, "dependencies");
        var files = new[] { Path.Combine(ModuleFolder, "ClassicDeploy.dll") }.Concat(Directory.GetFiles(dependencies, "*.dll")).ToList();
        var missing = new List<string>();
        foreach (string file in files)
        {
            using var reader = Open(file, out MetadataReader metadata);
            string? framework = TargetFramework(metadata);
            Assert.True(
                framework is null || framework.StartsWith(".NETStandard,", StringComparison.Ordinal) || framework.StartsWith(".NETFramework,", StringComparison.Ordinal),
                $"{Path.GetFileName(file)} targets {framework}, which Windows PowerShell 5.1 cannot load");
            foreach (AssemblyReference reference in References(metadata))
            {
                string name = metadata.GetString(reference.Name);
                if (!Platform.Contains(name) && name != "System.Management.Automation" && !File.Exists(Path.Combine(dependencies, name + ".dll")))
                {
                    missing.Add($"{Path.GetFileName(file)} -> {name} {reference.Version}");
                }
            }
        }

        Assert.True(missing.Count == 0, "not shipped: " + string.Join("; ", missing));
        Assert.Contains(files, f => Path.GetFileName(f) == "Polly.Core.dll");
    }

    private static PEReader Open(string path, out MetadataReader metadata)
    {
        var reader = new PEReader(File.OpenRead(path));
        metadata = reader.GetMetadataReader();
        return reader;
    }

    private static IEnumerable<AssemblyReference> References(MetadataReader metadata) =>
        metadata.AssemblyReferences.Select(metadata.GetAssemblyReference);

    private static string? TargetFramework(MetadataReader metadata)
    {
        foreach (CustomAttributeHandle handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            CustomAttribute attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            MemberReference constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != "TargetFrameworkAttribute")
            {
                continue;
            }

            BlobReader value = metadata.GetBlobReader(attribute.Value);
            value.ReadUInt16(); // prolog
            return value.ReadSerializedString();
        }

        return null;
    }
}
