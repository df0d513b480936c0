using System;
using System.IO;

namespace ClassicDeploy.Tests.Reliability;

/// <summary>Where the built module, the emulator and the test data live, found from the test assembly.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string ModuleManifest => Path.Combine(Root, "out", "ClassicDeploy", "ClassicDeploy.psd1");

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
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClassicDeploy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ClassicDeploy.sln not found above " + AppContext.BaseDirectory);
    }
}
