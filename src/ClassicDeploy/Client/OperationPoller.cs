using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Models;

namespace ClassicDeploy.Client
{
    /// <summary>Adaptive polling of Get Operation Status: short first interval, growing by a factor up to a cap, with an overall timeout.</summary>
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

                        interval = Next(interval, factor);
                    }
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested && deadline.IsCancellationRequested)
                {
                    throw new TimeoutException(string.Format(
                        CultureInfo.InvariantCulture,
                        "Operation {0} did not finish within {1}; it may still be running.",
                        requestId,
                        limit));
                }
            }
        }

        private TimeSpan Next(TimeSpan interval, double factor)
        {
            double ticks = Math.Max(interval.Ticks, 1) * factor;
            TimeSpan max = _polling.MaxInterval;
            return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
        }
    }
}
