using System;
using System.IO;

namespace ClassicDeploy.Tests.Infrastructure;

/// <summary>Where things are in the repository, found by walking up from the test assembly to ClassicDeploy.sln.</summary>
public static class TestRepository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding ClassicDeploy.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The built, importable module's manifest: out/ClassicDeploy/ClassicDeploy.psd1 (building src/ClassicDeploy lays it out).</summary>
    public static string ModuleManifest
    {
        get
        {
            string manifest = Path.Combine(Root, "out", "ClassicDeploy", "ClassicDeploy.psd1");
            if (!File.Exists(manifest))
            {
                throw new FileNotFoundException("The module is not laid out; build src/ClassicDeploy first (dotnet build src/ClassicDeploy).", manifest);
            }

            return manifest;
        }
    }

    /// <summary>The bad-input corpus: tests/data/bad-inputs/*.json.</summary>
    public static string BadInputs => Path.Combine(Root, "tests", "data", "bad-inputs");

    /// <summary>The emulator's dll, built next to this test assembly's configuration (Debug or Release).</summary>
    public static string EmulatorDll
    {
        get
        {
            // bin/<Configuration>/net10.0/
            string configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))) ?? "Debug";
            string[] candidates =
            {
                Path.Combine(Root, "src", "ClassicDeploy.Emulator", "bin", configuration, "net10.0", "ClassicDeploy.Emulator.dll"),
                Path.Combine(AppContext.BaseDirectory, "ClassicDeploy.Emulator.dll"),
                Path.Combine(Root, "out", "ClassicDeploy", "emulator", "ClassicDeploy.Emulator.dll"),
            };
            foreach (string candidate in candidates)
            {
                if (File.Exists(candidate) && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json")))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("The built emulator was not found; looked in: " + string.Join(", ", candidates));
        }
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ClassicDeploy.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("ClassicDeploy.sln was not found above " + AppContext.BaseDirectory);
    }
}
