using System;
using System.Collections.Generic;

namespace ClassicDeploy.Emulator;

/// <summary>One request the emulator answered (or dropped, for <see cref="FaultKind.ConnectionReset"/>: status 0).</summary>
public sealed record RequestLogEntry(
    DateTimeOffset Time,
    string Method,
    string Path,
    string Query,
    string? SubscriptionId,
    int StatusCode,
    string RequestId,
    double ElapsedMs,
    FaultKind? Fault);

/// <summary>Every request the host has seen since start (or the last <see cref="Clear"/>), in completion order.</summary>
public sealed class RequestLog
{
    private readonly object gate = new();
    private readonly List<RequestLogEntry> entries = new();

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (this.gate)
        {
            return this.entries.ToArray();
        }
    }

    public void Clear()
    {
        lock (this.gate)
        {
            this.entries.Clear();
        }
    }

    internal void Add(RequestLogEntry entry)
    {
        lock (this.gate)
        {
            this.entries.Add(entry);
        }
    }
}
