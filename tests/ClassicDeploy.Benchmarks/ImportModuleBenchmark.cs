using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// (d) Import-Module of out/ClassicDeploy in a fresh runspace. "Cold" runs each import in a new child process
/// (as a new pwsh session would: assembly load and JIT included, runspace creation excluded); "warm" repeats
/// it in new runspaces of this process. The baseline is importing an empty script module the same way.
/// </summary>
internal static class ImportModuleBenchmark
{
    public const string ProbeSwitch = "--probe-import";
    public const double TargetMs = 300;

    public static BenchmarkResult Run(int coldRuns, int warmRuns)
    {
        string emptyModule = Path.Combine(Path.GetTempPath(), "classicdeploy-bench-empty", "Empty.psm1");
        Directory.CreateDirectory(Path.GetDirectoryName(emptyModule)!);
        File.WriteAllText(emptyModule, "# an empty script module: the baseline for Import-Module\n");

        var cold = new List<double>();
        var coldBaseline = new List<double>();
        for (int i = 0; i < coldRuns; i++)
        {
            coldBaseline.Add(ProbeInChild(emptyModule));
            cold.Add(ProbeInChild(RepoPaths.ModuleManifest));
        }

        var warm = new List<double>();
        var warmBaseline = new List<double>();
        for (int i = 0; i < warmRuns; i++)
        {
            warmBaseline.Add(Probe(emptyModule));
            warm.Add(Probe(RepoPaths.ModuleManifest));
        }

        double median = Stats.Median(cold);
        double baseline = Stats.Median(coldBaseline);
        return new BenchmarkResult(
            "import-module",
            $"Import-Module in a fresh process and runspace, median of {coldRuns}",
            median,
            "ms",
            "empty script module",
            baseline,
            median / baseline,
            $"<= {TargetMs:0} ms",
            median <= TargetMs,
            new Dictionary<string, double>
            {
                ["cold_min_ms"] = cold.Min(),
                ["cold_max_ms"] = cold.Max(),
                ["warm_median_ms"] = Stats.Median(warm),
                ["warm_baseline_median_ms"] = Stats.Median(warmBaseline),
                ["warm_ratio"] = Stats.Median(warm) / Stats.Median(warmBaseline),
            });
    }

    /// <summary>Opens a runspace (not timed), then times Import-Module of <paramref name="path"/>; milliseconds.</summary>
    public static double Probe(string path)
    {
        using var session = new PsSession();
        session.Invoke("$null = 1");
        return session.Time($"Import-Module '{path}' -ErrorAction Stop").TotalMilliseconds;
    }

    private static double ProbeInChild(string path)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ImportModuleBenchmark).Assembly.Location);
        }

        start.ArgumentList.Add(ProbeSwitch);
        start.ArgumentList.Add(path);
        using Process child = Process.Start(start) ?? throw new InvalidOperationException("could not start the probe");
        string output = child.StandardOutput.ReadToEnd();
        string error = child.StandardError.ReadToEnd();
        if (!child.WaitForExit(120_000) || child.ExitCode != 0)
        {
            throw new InvalidOperationException("Import probe failed: " + error);
        }

        return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
