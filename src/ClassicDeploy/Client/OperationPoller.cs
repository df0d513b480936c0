using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Models;

namespace ClassicDeploy.Client
{
    /// <summary>
    /// Adaptive polling of Get Operation Status (see <see cref="PollingOptions"/>): a short first
    /// interval growing by a factor to a steady one, then only as fast as the time already waited
    /// allows, up to a cap; with an overall timeout.
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

        public async Task<OperationStatus> WaitAsync(string requestId, Func<OperationStatus, CancellationToken, Task>? onPoll, TimeSpan? timeout, CancellationToken ct)
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
                    TimeSpan interval = _polling.InitialInterval < TimeSpan.Zero ? TimeSpan.Zero : _polling.InitialInterval;
                    double factor = _polling.BackoffFactor < 1 ? 1 : _polling.BackoffFactor;
                    long started = _client.Clock.GetTimestamp();
                    while (true)
                    {
                        await _client.PollDelay(interval, linked.Token).ConfigureAwait(false);
                        linked.Token.ThrowIfCancellationRequested();
                        OperationStatus status = await _client.GetOperationStatusAsync(requestId, linked.Token).ConfigureAwait(false);
                        if (onPoll != null)
                        {
                            await onPoll(status, linked.Token).ConfigureAwait(false);
                        }

                        if (status.Status != OperationState.InProgress)
                        {
                            return status;
                        }

                        interval = Next(interval, factor, _client.Clock.GetElapsedTime(started), _polling);
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
}
