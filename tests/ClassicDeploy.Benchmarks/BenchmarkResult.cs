using System.Collections.Generic;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// One measured figure, its same-run baseline and the ratio between them, with the target it is held to.
/// <see cref="TargetMet"/> compares <see cref="Value"/> (or <see cref="Ratio"/> when the target is a ratio) with <see cref="Target"/>.
/// </summary>
public sealed record BenchmarkResult(
    string Name,
    string Figure,
    double Value,
    string Unit,
    string BaselineName,
    double Baseline,
    double Ratio,
    string TargetText,
    bool TargetMet,
    IReadOnlyDictionary<string, double> Details);
