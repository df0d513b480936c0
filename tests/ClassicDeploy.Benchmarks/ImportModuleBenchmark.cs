using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// (d) Import-Module of out/ClassicDeploy in a fresh real pwsh process (process start-up excluded, assembly
/// load and JIT included), alternating with importing an empty script module the same way; the figure is
/// the absolute extra milliseconds.
/// </summary>
internal static class ImportModuleBenchmark
{
    public const double TargetExtraMs = 300;

    public static async Task<BenchmarkResult> RunAsync(int runs)
    {
        string emptyModule = Path.Combine(Path.GetTempPath(), "classicdeploy-bench-empty", "Empty.psm1");
        Directory.CreateDirectory(Path.GetDirectoryName(emptyModule)!);
        await File.WriteAllTextAsync(emptyModule, "# an empty script module: the baseline for Import-Module\n").ConfigureAwait(false);

        var module = new List<double>();
        var empty = new List<double>();
        await ImportAsync(RepoPaths.ModuleManifest).ConfigureAwait(false);   // file cache warm for both
        for (int i = 0; i < runs; i++)
        {
            empty.Add(await ImportAsync(emptyModule).ConfigureAwait(false));
            module.Add(await ImportAsync(RepoPaths.ModuleManifest).ConfigureAwait(false));
        }

        double median = Stats.Median(module);
        double baseline = Stats.Median(empty);
        double extra = median - baseline;
        return new BenchmarkResult(
            "import-module",
            $"Import-Module in a fresh real pwsh process, median of {runs}; value is the extra over the empty module",
            extra, "ms", "empty script module (ms)", baseline, median / baseline,
            $"extra <= {TargetExtraMs:0} ms", extra <= TargetExtraMs,
            new Dictionary<string, double>
            {
                ["module_median_ms"] = median,
                ["module_min_ms"] = module.Min(),
                ["module_max_ms"] = module.Max(),
                ["empty_median_ms"] = baseline,
                ["runs"] = runs,
            });
    }

    private static async Task<double> ImportAsync(string path)
    {
        var result = await Pwsh.RunAsync(
            $"$sw = [Diagnostics.Stopwatch]::StartNew(); Import-Module {Pwsh.Quote(path)}; $ms = $sw.Elapsed.TotalMilliseconds\n" +
            "[pscustomobject]@{ ms = $ms } | ConvertTo-Json -Compress\n",
            TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        return result.GetProperty("ms").GetDouble();
    }
}
