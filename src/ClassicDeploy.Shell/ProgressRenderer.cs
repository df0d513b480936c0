using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text;

namespace ClassicDeploy.Shell;

/// <summary>
/// Draws Write-Progress records. On a terminal: a block of bars at the bottom of the output,
/// redrawn in place and removed when the records complete. Otherwise (logs, pipes): one plain
/// line per change, so a log shows a rolling upgrade domain by domain. Records are matched by
/// activity id alone (as Write-Progress -Id), whichever command instance wrote them.
/// </summary>
public sealed class ProgressRenderer
{
    private const int BarWidth = 30;
    private readonly ConsoleSink sink;
    private readonly List<(long Source, ProgressRecord Record)> active = new();
    private readonly Dictionary<int, string> lastLine = new();
    private int drawnLines;

    public ProgressRenderer(ConsoleSink sink) => this.sink = sink;

    /// <summary>Columns available for a bar line.</summary>
    public int Width { get; set; } = 120;

    public void Update(long sourceId, ProgressRecord record)
    {
        lock (sink.Gate)
        {
            int index = active.FindIndex(a => a.Record.ActivityId == record.ActivityId);
            bool completed = record.RecordType == ProgressRecordType.Completed;
            if (sink.IsTerminal)
            {
                ClearLocked();
                Apply(index, sourceId, record, completed);
                DrawLocked();
            }
            else
            {
                Apply(index, sourceId, record, completed);
                WriteLogLine(record, completed);
            }
        }
    }

    /// <summary>Removes the drawn block from a terminal (caller holds the sink's gate).</summary>
    internal void ClearLocked()
    {
        if (drawnLines > 0)
        {
            sink.Output.Write(Ansi.CursorUp(drawnLines) + "\r\u001b[J");
            drawnLines = 0;
        }
    }

    /// <summary>Draws the block of active bars on a terminal (caller holds the sink's gate).</summary>
    internal void DrawLocked()
    {
        if (!sink.IsTerminal || active.Count == 0)
        {
            return;
        }

        foreach ((long source, ProgressRecord record) in active)
        {
            int depth = Depth(record);
            sink.Output.Write(Truncate(new string(' ', 2 * depth) + FormatBar(record)) + "\n");
            drawnLines++;
        }

        sink.Output.Flush();
    }

    /// <summary>A bar line: "Activity [#####.....]  50% Status (12 s left)".</summary>
    public static string FormatBar(ProgressRecord record)
    {
        var sb = new StringBuilder(record.Activity);
        if (record.PercentComplete >= 0)
        {
            int filled = Math.Min(BarWidth, record.PercentComplete * BarWidth / 100);
            sb.Append(" [").Append('#', filled).Append('.', BarWidth - filled).Append("] ");
            sb.Append(record.PercentComplete.ToString(CultureInfo.InvariantCulture).PadLeft(3)).Append('%');
        }

        AppendDetails(sb, record);
        return sb.ToString();
    }

    /// <summary>A log line: "[progress] Activity: Status (50%)" or "[progress] Activity: completed".</summary>
    public static string FormatLogLine(ProgressRecord record)
    {
        if (record.RecordType == ProgressRecordType.Completed)
        {
            return $"[progress] {record.Activity}: completed";
        }

        var sb = new StringBuilder("[progress] ").Append(record.Activity).Append(':');
        if (record.PercentComplete >= 0)
        {
            sb.Append(' ').Append(record.PercentComplete.ToString(CultureInfo.InvariantCulture)).Append('%');
        }

        AppendDetails(sb, record);
        return sb.ToString();
    }

    private static void AppendDetails(StringBuilder sb, ProgressRecord record)
    {
        if (!string.IsNullOrEmpty(record.StatusDescription))
        {
            sb.Append(' ').Append(record.StatusDescription);
        }

        if (!string.IsNullOrEmpty(record.CurrentOperation))
        {
            sb.Append(" - ").Append(record.CurrentOperation);
        }

        if (record.SecondsRemaining > 0)
        {
            sb.Append(" (").Append(record.SecondsRemaining.ToString(CultureInfo.InvariantCulture)).Append(" s left)");
        }
    }

    private void Apply(int index, long sourceId, ProgressRecord record, bool completed)
    {
        if (completed)
        {
            if (index >= 0)
            {
                active.RemoveAt(index);
            }

            active.RemoveAll(a => a.Record.ParentActivityId == record.ActivityId);
        }
        else if (index >= 0)
        {
            active[index] = (sourceId, record);
        }
        else
        {
            active.Add((sourceId, record));
        }
    }

    private void WriteLogLine(ProgressRecord record, bool completed)
    {
        int key = record.ActivityId;
        string line = FormatLogLine(record);
        if (completed)
        {
            if (!lastLine.Remove(key))
            {
                return; // never shown, nothing to complete
            }
        }
        else if (lastLine.TryGetValue(key, out string? previous) && previous == line)
        {
            return;
        }
        else
        {
            lastLine[key] = line;
        }

        sink.Output.Write(line + "\n");
        sink.Output.Flush();
    }

    private int Depth(ProgressRecord record)
    {
        int depth = 0;
        int parent = record.ParentActivityId;
        while (parent >= 0 && depth < 8)
        {
            int p = parent;
            int index = active.FindIndex(a => a.Record.ActivityId == p);
            if (index < 0)
            {
                break;
            }

            depth++;
            parent = active[index].Record.ParentActivityId;
        }

        return depth;
    }

    private string Truncate(string line) => line.Length <= Width - 1 ? line : line.Substring(0, Math.Max(0, Width - 2)) + "…";
}
