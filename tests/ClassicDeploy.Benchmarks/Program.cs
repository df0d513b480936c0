using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// <c>dotnet tool restore; dotnet run -c Release --project tests/ClassicDeploy.Benchmarks [-- --only a,b,c,d,e,f] [--quick]</c>:
/// runs the benchmarks, prints a table, writes benchmark-results/results.json and prints the same JSON.
/// Exit code 0 when every benchmark ran (a missed target is reported, not an error), 1 when one failed to run.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Thread.CurrentThread.CurrentCulture = CultureInfo.InvariantCulture;
        bool quick = args.Contains("--quick");
        int runsAt = Array.IndexOf(args, "--runs");
        int? runs = runsAt >= 0 && runsAt + 1 < args.Length && int.TryParse(args[runsAt + 1], out int n) && n > 0 ? n : null;
        int onlyAt = Array.IndexOf(args, "--only");
        ISet<string> only = onlyAt >= 0 && onlyAt + 1 < args.Length ? args[onlyAt + 1].Split(',').ToHashSet() : new HashSet<string> { "a", "b", "c", "d", "e", "f" };
        if (!File.Exists(RepoPaths.ModuleManifest))
        {
            Console.Error.WriteLine($"The built module is missing: {RepoPaths.ModuleManifest} (dotnet build src/ClassicDeploy lays it out).");
            return 1;
        }

        var results = new List<BenchmarkResult>();
        var failures = new Dictionary<string, string>();
        double[] upgrades = quick ? new[] { 2.0, 2.5 } : new[] { 2.0, 2.5, 32.5 };
        foreach (double upgrade in upgrades)
        {
            await RunAsync("a", only, failures, async () => results.AddRange(await WaitLatencyBenchmark.RunAsync(upgrade, runs ?? (quick ? 1 : 3), microsoft: !quick)));
        }

        int[] fleets = quick ? new[] { 1, 20 } : new[] { 1, 50, 200 };
        await RunAsync("b", only, failures, async () => results.AddRange(await FleetBenchmark.RunAsync(fleets, WaitLatencyBenchmark.DomainFor(TimeSpan.FromSeconds(quick ? 2.5 : 10)), runs ?? (quick ? 1 : 2))));
        await RunAsync("c", only, failures, async () => results.AddRange(await CmdletOverheadBenchmark.RunAsync(quick ? 200 : 1000, quick ? 3 : 9)));
        await RunAsync("d", only, failures, async () => results.Add(await ImportModuleBenchmark.RunAsync(quick ? 3 : 7)));
        await RunAsync("e", only, failures, async () => results.Add(await ThroughputBenchmark.RunAsync(TimeSpan.FromSeconds(quick ? 1 : 2), TimeSpan.FromSeconds(quick ? 3 : 10))));

        await RunAsync("f", only, failures, async () => results.AddRange(await MonitoredUpgradeBenchmark.RunAsync(TimeSpan.FromMilliseconds(200), quick ? 1 : 3)));

        PrintTable(results, failures);
        var report = new
        {
            date = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            machine = new
            {
                processors = Environment.ProcessorCount,
                cpu = CpuModel(),
                os = RuntimeInformation.OSDescription,
                dotnet = RuntimeInformation.FrameworkDescription,
                pwsh = Pwsh.Description,
                load = LoadAverage(),
            },
            quick,
            results,
            failures,
        };
        string json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Directory.CreateDirectory(Path.GetDirectoryName(RepoPaths.ResultsFile)!);
        await File.WriteAllTextAsync(RepoPaths.ResultsFile, json);
        Console.WriteLine(json);
        Console.WriteLine($"Wrote {RepoPaths.ResultsFile}");
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task RunAsync(string key, ISet<string> only, IDictionary<string, string> failures, Func<Task> benchmark)
    {
        if (!only.Contains(key))
        {
            return;
        }

        Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] running benchmark {key}");
        try
        {
            await benchmark();
        }
        catch (Exception ex)
        {
            failures[key] = ex.GetType().Name + ": " + ex.Message;
            Console.Error.WriteLine($"benchmark {key} failed: {ex}");
        }
    }

    private static void PrintTable(IReadOnlyList<BenchmarkResult> results, IReadOnlyDictionary<string, string> failures)
    {
        Console.WriteLine();
        Console.WriteLine($"{"benchmark",-20} {"value",14} {"baseline",14} {"ratio",7}  {"target",-18} met");
        foreach (BenchmarkResult r in results)
        {
            Console.WriteLine($"{r.Name,-20} {r.Value,9:0.##} {r.Unit,-4} {r.Baseline,14:0.##} {r.Ratio,7:0.000}  {r.TargetText,-18} {(r.TargetMet ? "yes" : "NO")}");
            foreach (KeyValuePair<string, double> d in r.Details)
            {
                Console.WriteLine($"    {d.Key,-28} {d.Value:0.###}");
            }
        }

        foreach (KeyValuePair<string, string> f in failures)
        {
            Console.WriteLine($"{f.Key,-20} FAILED: {f.Value}");
        }

        Console.WriteLine();
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string CpuModel()
    {
        try
        {
            string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line.Substring(line.IndexOf(':') + 1).Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
