using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;
using ClassicDeploy.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClassicDeploy.Tests.Client;

public sealed class PollingTests
{
    private static ScriptedHandler InProgressThen(int times, string final)
    {
        var handler = new ScriptedHandler();
        for (int i = 0; i < times; i++)
        {
            handler.Then(HttpStatusCode.OK, ScriptedHandler.Operation("op1", "InProgress"));
        }

        return handler.Then(HttpStatusCode.OK, final);
    }

    private static (ServiceManagementClient Client, List<TimeSpan> Waits) Client(ScriptedHandler handler, PollingOptions polling, FakeTimeProvider? clock = null)
    {
        var options = ScriptedHandler.Options(handler);
        options.Polling = polling;
        var waits = new List<TimeSpan>();
        var client = new ServiceManagementClient(options);
        if (clock != null)
        {
            client.Clock = clock;
        }

        client.PollDelay = (delay, ct) =>
        {
            waits.Add(delay);
            clock?.Advance(delay);
            return Task.CompletedTask;
        };
        return (client, waits);
    }

    [Fact]
    public async Task PollsWithGrowingIntervalsUntilSucceeded()
    {
        var handler = InProgressThen(5, ScriptedHandler.Operation("op1", "Succeeded"));
        var polls = new List<OperationState>();
        var (client, waits) = Client(handler, new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(100), BackoffFactor = 2, MaxInterval = TimeSpan.FromMilliseconds(500) });
        using (client)
        {
            OperationStatus status = await client.WaitForOperationAsync("op1", (s, ct) => { polls.Add(s.Status); return Task.CompletedTask; }, null, CancellationToken.None);

            Assert.Equal(OperationState.Succeeded, status.Status);
        }

        Assert.Equal(new[] { 100, 200, 400, 500, 500, 500 }, waits.ConvertAll(w => (int)w.TotalMilliseconds));
        Assert.Equal(6, handler.Seen.Count);
        Assert.All(handler.Seen, s => Assert.Equal("https://sm.test/sub-1/operations/op1", s.Uri));
        Assert.Equal(new[] { OperationState.InProgress, OperationState.InProgress, OperationState.InProgress, OperationState.InProgress, OperationState.InProgress, OperationState.Succeeded }, polls);
    }

    [Fact]
    public async Task DefaultPollingStartsFastAndNeverWaitsThirtySeconds()
    {
        var handler = InProgressThen(8, ScriptedHandler.Operation("op1", "Succeeded"));
        var (client, waits) = Client(handler, new PollingOptions());
        using (client)
        {
            await client.WaitForOperationAsync("op1", null, null, CancellationToken.None);
        }

        Assert.Equal(TimeSpan.FromMilliseconds(100), waits[0]);
        Assert.Equal(TimeSpan.FromMilliseconds(150), waits[1]);
        Assert.Equal(TimeSpan.FromSeconds(1), waits[waits.Count - 1]);
    }

    [Fact]
    public async Task ALongUpgradeIsPolledLessThanOnceASecondAndNoticedWithinATenthOfItsLength()
    {
        // A ten-minute upgrade on an injected clock: the operation ends at 600 s.
        var clock = new FakeTimeProvider();
        DateTimeOffset start = clock.GetUtcNow();
        TimeSpan length = TimeSpan.FromMinutes(10);
        var handler = new ScriptedHandler
        {
            Otherwise = (r, ct) => Task.FromResult(ScriptedHandler.Answer(
                HttpStatusCode.OK,
                ScriptedHandler.Operation("op1", clock.GetUtcNow() - start >= length ? "Succeeded" : "InProgress"))),
        };
        var (client, waits) = Client(handler, new PollingOptions(), clock);
        using (client)
        {
            OperationStatus status = await client.WaitForOperationAsync("op1", null, null, CancellationToken.None);
            Assert.Equal(OperationState.Succeeded, status.Status);
        }

        TimeSpan returnedAt = clock.GetUtcNow() - start;
        Assert.InRange(returnedAt.TotalSeconds, 600, 660);
        Assert.InRange(handler.Seen.Count / returnedAt.TotalSeconds, 0.01, 0.15);
        Assert.Equal(TimeSpan.FromMilliseconds(100), waits[0]);
        Assert.Equal(TimeSpan.FromSeconds(30), waits[waits.Count - 1]);

        // No interval is ever longer than a tenth of the time already waited (or the 1 s steady interval).
        TimeSpan waited = TimeSpan.Zero;
        foreach (TimeSpan wait in waits)
        {
            Assert.True(wait <= TimeSpan.FromSeconds(1) || wait.Ticks <= waited.Ticks / 10 + 1, $"waited {wait} after {waited}");
            waited += wait;
        }
    }

    [Fact]
    public void NextIntervalGrowsToTheSteadyIntervalThenWithTheTimeWaited()
    {
        var polling = new PollingOptions();
        Assert.Equal(TimeSpan.FromMilliseconds(150), OperationPoller.Next(TimeSpan.FromMilliseconds(100), 1.5, TimeSpan.FromMilliseconds(100), polling));
        Assert.Equal(TimeSpan.FromSeconds(1), OperationPoller.Next(TimeSpan.FromSeconds(1), 1.5, TimeSpan.FromSeconds(5), polling));
        Assert.Equal(TimeSpan.FromSeconds(1.5), OperationPoller.Next(TimeSpan.FromSeconds(1), 1.5, TimeSpan.FromSeconds(20), polling));
        Assert.Equal(TimeSpan.FromSeconds(3), OperationPoller.Next(TimeSpan.FromSeconds(2.5), 1.5, TimeSpan.FromSeconds(30), polling));
        Assert.Equal(TimeSpan.FromSeconds(30), OperationPoller.Next(TimeSpan.FromSeconds(30), 1.5, TimeSpan.FromHours(1), polling));
    }

    [Fact]
    public async Task AFailedOperationIsReturnedNotThrown()
    {
        string failed = "<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>op1</ID><Status>Failed</Status><HttpStatusCode>409</HttpStatusCode>" +
            "<Error><Code>ConflictError</Code><Message>Locked.</Message></Error></Operation>";
        var (client, _) = Client(InProgressThen(1, failed), new PollingOptions());
        using (client)
        {
            OperationStatus status = await client.WaitForOperationAsync("op1", null, null, CancellationToken.None);

            Assert.Equal(OperationState.Failed, status.Status);
            Assert.Equal(409, status.HttpStatusCode);
            Assert.Equal("ConflictError", status.ErrorCode);
        }
    }

    [Fact]
    public async Task TimeoutThrowsTimeoutExceptionNamingTheRequest()
    {
        var handler = new ScriptedHandler { Otherwise = (r, ct) => Task.FromResult(ScriptedHandler.Answer(HttpStatusCode.OK, ScriptedHandler.Operation("op1", "InProgress"))) };
        var clock = new FakeTimeProvider();
        var (client, waits) = Client(handler, new PollingOptions { InitialInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(1) }, clock);
        using (client)
        {
            var ex = await Assert.ThrowsAsync<TimeoutException>(() => client.WaitForOperationAsync("op1", null, TimeSpan.FromSeconds(5), CancellationToken.None));

            Assert.Contains("op1", ex.Message);
        }

        // Four polls in the five seconds, and one more at the deadline before giving up.
        Assert.Equal(5, handler.Seen.Count);
        Assert.Equal(5, waits.Count);
    }

    [Fact]
    public async Task AnOperationThatEndedJustBeforeTheDeadlineIsReportedNotTimedOut()
    {
        // InProgress at every poll within the timeout, Succeeded when looked at once more at the deadline.
        var handler = InProgressThen(4, ScriptedHandler.Operation("op1", "Succeeded"));
        var clock = new FakeTimeProvider();
        var (client, _) = Client(handler, new PollingOptions { InitialInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(1) }, clock);
        using (client)
        {
            OperationStatus status = await client.WaitForOperationAsync("op1", null, TimeSpan.FromSeconds(5), CancellationToken.None);

            Assert.Equal(OperationState.Succeeded, status.Status);
        }

        Assert.Equal(5, handler.Seen.Count);
    }

    [Fact]
    public async Task CancellationIsPrompt()
    {
        var handler = new ScriptedHandler { Otherwise = (r, ct) => Task.FromResult(ScriptedHandler.Answer(HttpStatusCode.OK, ScriptedHandler.Operation("op1", "InProgress"))) };
        var options = ScriptedHandler.Options(handler);
        options.Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(1), MaxInterval = TimeSpan.FromHours(1), BackoffFactor = 100000 };
        using var client = new ServiceManagementClient(options);
        using var cts = new CancellationTokenSource();

        Task wait = client.WaitForOperationAsync("op1", (s, ct) => { cts.Cancel(); return Task.CompletedTask; }, null, cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Single(handler.Seen);
    }
}
