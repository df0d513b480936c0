using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Completion;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClassicDeploy.Tests.UserExperience;

/// <summary>The completers' cache: 30 s per context, bounded fetches, failures swallowed.</summary>
public sealed class CompletionCacheTests
{
    private readonly FakeTimeProvider _clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z"));
    private readonly ClassicDeployContext _context = new ClassicDeployContext("sub", new Uri("http://127.0.0.1:1/"), null);
    private int _fetches;

    [Fact]
    public void NamesAreFetchedOnceAndAgainAfterThirtySeconds()
    {
        var cache = new CompletionCache(_clock);

        Assert.Equal("web", Assert.Single(cache.Get(_context, "services", Names("web"))).Name);
        _clock.Advance(TimeSpan.FromSeconds(29));
        cache.Get(_context, "services", Names("web"));
        Assert.Equal(1, _fetches);

        _clock.Advance(TimeSpan.FromSeconds(2));
        cache.Get(_context, "services", Names("web"));
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public void EachContextAndKeyHasItsOwnNames()
    {
        var cache = new CompletionCache(_clock);
        var other = new ClassicDeployContext("other", new Uri("http://127.0.0.1:2/"), null);

        cache.Get(_context, "services", Names("a"));
        cache.Get(_context, "deployments:a", Names("a-prod"));

        Assert.Equal("b", Assert.Single(cache.Get(other, "services", Names("b"))).Name);
        Assert.Equal(3, _fetches);
    }

    [Fact]
    public void AFailingFetchGivesNoNamesAndIsRetriedAfterFiveSeconds()
    {
        var cache = new CompletionCache(_clock);
        Func<ClassicDeployContext, CancellationToken, Task<IReadOnlyList<NameEntry>>> failing = (_, _) =>
        {
            _fetches++;
            throw new InvalidOperationException("endpoint down");
        };

        Assert.Empty(cache.Get(_context, "services", failing));
        Assert.Empty(cache.Get(_context, "services", failing));
        Assert.Equal(1, _fetches);

        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Single(cache.Get(_context, "services", Names("web")));
    }

    [Fact]
    public async Task AFetchThatDoesNotAnswerIsAbandonedAndCancelled()
    {
        var cache = new CompletionCache(_clock) { FetchTimeout = TimeSpan.FromMilliseconds(50) };
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<ClassicDeployContext, CancellationToken, Task<IReadOnlyList<NameEntry>>> hanging = async (_, ct) =>
        {
            using (ct.Register(() => cancelled.TrySetResult(true)))
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return Array.Empty<NameEntry>();
        };

        Assert.Empty(cache.Get(_context, "services", hanging));
        Task first = await Task.WhenAny(cancelled.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(first == cancelled.Task, "the abandoned fetch was not cancelled");
    }

    private Func<ClassicDeployContext, CancellationToken, Task<IReadOnlyList<NameEntry>>> Names(params string[] names) => (_, _) =>
    {
        _fetches++;
        var entries = new List<NameEntry>();
        foreach (string name in names)
        {
            entries.Add(new NameEntry(name, name));
        }

        return Task.FromResult<IReadOnlyList<NameEntry>>(entries);
    };
}
