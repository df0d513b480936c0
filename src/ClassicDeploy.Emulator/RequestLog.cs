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

    private readonly object _gate = new();
    private readonly Queue<RequestLogEntry> _entries = new();

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
        lock (_gate)
        {
            return _entries.ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    internal void Add(RequestLogEntry entry)
    {
        if (this.Capacity == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_entries.Count == this.Capacity)
            {
                _entries.Dequeue();
            }

            _entries.Enqueue(entry);
        }
    }
}
