using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace ClassicDeploy.Completion;

/// <summary>
/// Names fetched from the connected endpoint for tab completion: cached per context and key for
/// <see cref="TimeToLive"/>, each fetch bounded by <see cref="FetchTimeout"/>, and any failure or
/// timeout turned into "no names" (remembered briefly so a dead endpoint does not stall every Tab).
/// </summary>
internal sealed class CompletionCache
{
    private readonly ConditionalWeakTable<ClassicDeployContext, ConcurrentDictionary<string, Entry>> _byContext =
        new ConditionalWeakTable<ClassicDeployContext, ConcurrentDictionary<string, Entry>>();

    internal CompletionCache(TimeProvider clock)
    {
        Clock = clock;
    }

    /// <summary>The one cache the completers share.</summary>
    internal static CompletionCache Shared { get; } = new CompletionCache(TimeProvider.System);

    internal TimeProvider Clock { get; }

    internal TimeSpan TimeToLive { get; set; } = TimeSpan.FromSeconds(30);

    internal TimeSpan FailureTimeToLive { get; set; } = TimeSpan.FromSeconds(5);

    internal TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The cached names for (context, key), or what <paramref name="fetch"/> returns now; never throws.</summary>
    internal IReadOnlyList<NameEntry> Get(ClassicDeployContext context, string key, Func<ClassicDeployContext, CancellationToken, Task<IReadOnlyList<NameEntry>>> fetch)
    {
        ConcurrentDictionary<string, Entry> entries = _byContext.GetValue(context, _ => new ConcurrentDictionary<string, Entry>(StringComparer.OrdinalIgnoreCase));
        DateTimeOffset now = Clock.GetUtcNow();
        if (entries.TryGetValue(key, out Entry? cached) && cached.Expires > now)
        {
            return cached.Names;
        }

        IReadOnlyList<NameEntry>? names = Fetch(context, fetch);
        entries[key] = new Entry(names ?? Array.Empty<NameEntry>(), now + (names != null ? TimeToLive : FailureTimeToLive));
        return names ?? Array.Empty<NameEntry>();
    }

    internal void Clear(ClassicDeployContext context) => _byContext.Remove(context);

    private IReadOnlyList<NameEntry>? Fetch(ClassicDeployContext context, Func<ClassicDeployContext, CancellationToken, Task<IReadOnlyList<NameEntry>>> fetch)
    {
        var cancellation = new CancellationTokenSource(FetchTimeout);
        bool abandoned = false;
        try
        {
            // The token is taken here: a fetch that starts only after it was abandoned (a busy thread pool)
            // must still see it cancelled, not a disposed source.
            CancellationToken token = cancellation.Token;
            Task<IReadOnlyList<NameEntry>> task = Task.Run(() => fetch(context, token));
            if (task.Wait(FetchTimeout))
            {
                return task.Result;
            }

            cancellation.Cancel();
            abandoned = true;
            task.ContinueWith(
                t =>
                {
                    _ = t.Exception;
                    cancellation.Dispose();
                },
                TaskScheduler.Default);
            return null;
        }
        catch (Exception)
        {
            // Completion must never throw into the prompt: no names, whatever went wrong.
            return null;
        }
        finally
        {
            if (!abandoned)
            {
                cancellation.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        internal Entry(IReadOnlyList<NameEntry> names, DateTimeOffset expires)
        {
            Names = names;
            Expires = expires;
        }

        internal IReadOnlyList<NameEntry> Names { get; }

        internal DateTimeOffset Expires { get; }
    }
}

/// <summary>A completable name and the tooltip shown for it.</summary>
internal sealed class NameEntry
{
    internal NameEntry(string name, string toolTip)
    {
        Name = name;
        ToolTip = toolTip;
    }

    internal string Name { get; }

    internal string ToolTip { get; }
}
