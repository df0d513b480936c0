using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Models;

namespace ClassicDeploy.Client;

/// <summary>
/// Waits for an operation with an overall timeout, looking when <see cref="WaitSchedule"/> says: Get
/// Operation Status on the adaptive schedule of <see cref="PollingOptions"/> (a short first interval
/// growing by a factor to a steady one, then only as fast as the time already waited allows, up to a
/// cap), or, with a deployment to watch, Get Deployment where it tells progress and timing.
/// </summary>
internal sealed class OperationPoller
{
    private readonly ServiceManagementClient _client;
    private readonly PollingOptions _polling;

    public OperationPoller(ServiceManagementClient client, PollingOptions polling)
    {
        _client = client;
        _polling = polling;
    }

    public async Task<OperationStatus> WaitAsync(string requestId, OperationWatch? watch, Func<OperationStatus, CancellationToken, Task>? onPoll, TimeSpan? timeout, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(requestId))
        {
            throw new RequestValidationException("RequestId is required.", "RequestId");
        }

        TimeSpan limit = timeout ?? _polling.Timeout;
        using (CancellationTokenSource deadline = limit == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : _client.Clock.CreateCancellationTokenSource(limit))
        using (CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token))
        {
            try
            {
                var schedule = new WaitSchedule(_polling, watch != null, watch?.WalksEveryDomain == true) { ShowsEveryDomain = watch?.ShowsEveryDomain != false };
                long started = _client.Clock.GetTimestamp();
                TimeSpan offset = Since(watch?.AcceptedAt);
                while (true)
                {
                    TimeSpan now = _client.Clock.GetElapsedTime(started) + offset;
                    PlannedLook look = schedule.Next(now);
                    TimeSpan delay = look.At - now;
                    if (delay > TimeSpan.Zero)
                    {
                        await _client.PollDelay(delay, linked.Token).ConfigureAwait(false);
                    }

                    linked.Token.ThrowIfCancellationRequested();
                    if (look.Kind == LookKind.Deployment && watch != null)
                    {
                        TimeSpan sent = _client.Clock.GetElapsedTime(started) + offset;
                        Deployment deployment;
                        try
                        {
                            deployment = await _client.GetDeploymentAsync(watch.Deployment, linked.Token).ConfigureAwait(false);
                        }
                        catch (Exception exception) when (!(exception is OperationCanceledException))
                        {
                            watch.Unreadable?.Invoke(exception);
                            schedule.DeploymentUnreadable();
                            continue;
                        }

                        schedule.SawDeployment(sent, _client.Clock.GetElapsedTime(started) + offset, deployment);
                        watch.Seen?.Invoke(deployment);
                        continue;
                    }

                    OperationStatus status = await _client.GetOperationStatusAsync(requestId, linked.Token).ConfigureAwait(false);
                    if (onPoll != null)
                    {
                        await onPoll(status, linked.Token).ConfigureAwait(false);
                    }

                    if (status.Status != OperationState.InProgress)
                    {
                        return status;
                    }

                    schedule.SawInProgress();
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested && deadline.IsCancellationRequested)
            {
                // The deadline may have cut a delay or a poll short: look once more before giving up,
                // so an operation that ended meanwhile is reported as ended, not as timed out.
                OperationStatus last = await _client.GetOperationStatusAsync(requestId, ct).ConfigureAwait(false);
                if (last.Status != OperationState.InProgress)
                {
                    return last;
                }

                throw new TimeoutException(string.Format(
                    CultureInfo.InvariantCulture,
                    "Operation {0} did not finish within {1}; it may still be running.",
                    requestId,
                    limit));
            }
        }
    }

    /// <summary>Time since <paramref name="acceptedAt"/> (UTC) by the client's clock, within [0, 1 h]; zero when unknown.</summary>
    internal TimeSpan Since(DateTime? acceptedAt)
    {
        if (acceptedAt is null)
        {
            return TimeSpan.Zero;
        }

        TimeSpan since = _client.Clock.GetUtcNow().UtcDateTime - acceptedAt.Value.ToUniversalTime();
        return since < TimeSpan.Zero || since > TimeSpan.FromHours(1) ? TimeSpan.Zero : since;
    }

    /// <summary>min(previous × factor, max(steady, fraction × waited), cap).</summary>
    internal static TimeSpan Next(TimeSpan interval, double factor, TimeSpan waited, PollingOptions polling)
    {
        double grown = Math.Max(interval.Ticks, 1) * factor;
        double fraction = polling.LatenessFraction > 0 ? polling.LatenessFraction : 0;
        double bound = Math.Max(polling.SteadyInterval.Ticks, waited.Ticks * fraction);
        double ticks = Math.Min(Math.Min(grown, bound), polling.MaxInterval.Ticks);
        return TimeSpan.FromTicks((long)Math.Max(ticks, 0));
    }
}
