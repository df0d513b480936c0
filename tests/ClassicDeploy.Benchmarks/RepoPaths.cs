using System;
using System.IO;

namespace ClassicDeploy.Benchmarks;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ModuleManifest => Path.Combine(Root, "out", "ClassicDeploy", "ClassicDeploy.psd1");

    public static string ResultsFile => Path.Combine(Root, "benchmark-results", "results.json");

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
