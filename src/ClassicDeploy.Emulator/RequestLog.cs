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

/// <summary>
/// The last <see cref="Capacity"/> requests the host has seen since start (or the last <see cref="Clear"/>), in
/// completion order: a ring, so a long-running emulator's memory does not grow with its request count.
/// </summary>
public sealed class RequestLog
{
    public const int DefaultCapacity = 10_000;

    private readonly object gate = new();
    private readonly Queue<RequestLogEntry> entries = new();

    /// <param name="capacity">Entries kept; 0 keeps none.</param>
    public RequestLog(int capacity = DefaultCapacity)
    {
        if (capacity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), "The request log capacity must be zero or greater.");
        }

        this.Capacity = capacity;
    }

    public int Capacity { get; }

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
        if (this.Capacity == 0)
        {
            return;
        }

        lock (this.gate)
        {
            if (this.entries.Count == this.Capacity)
            {
                this.entries.Dequeue();
            }

            this.entries.Enqueue(entry);
        }
    }
}
