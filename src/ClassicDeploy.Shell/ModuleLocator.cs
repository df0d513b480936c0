using System;
using System.IO;

namespace ClassicDeploy.Shell;

/// <summary>Finds the built module: --module, else out/ClassicDeploy above the shell's own folder.</summary>
public static class ModuleLocator
{
    public const string ManifestName = "ClassicDeploy.psd1";

    /// <summary>The manifest path to import; throws <see cref="FileNotFoundException"/> with a hint.</summary>
    public static string Find(string? explicitPath, string startDirectory)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            string full = Path.GetFullPath(explicitPath);
            string manifest = Directory.Exists(full) ? Path.Combine(full, ManifestName) : full;
            return File.Exists(manifest)
                ? manifest
                : throw new FileNotFoundException($"No module manifest at '{manifest}'.", manifest);
        }

        for (DirectoryInfo? dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "out", "ClassicDeploy", ManifestName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"Could not find out/ClassicDeploy/{ManifestName} above '{startDirectory}'. " +
            "Build the module first (dotnet build src/ClassicDeploy) or pass --module PATH.");
    }
}
