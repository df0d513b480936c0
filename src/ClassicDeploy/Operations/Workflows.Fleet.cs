using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Operations;

/// <summary>
/// Waiting for many operations at once at a cost that does not grow with their number per look: each status
/// look is one List Subscription Operations over the time window the operations started in (its pages), with
/// Get Operation Status only for operations the list does not show (or all of them if the list fails). When
/// is decided by one <see cref="WaitSchedule"/> that watches the earliest operation's deployment; progress
/// bars are refreshed from one Get Hosted Service with embed-detail per service each time that deployment
/// moves to another upgrade domain (and not at all when progress is not shown).
/// </summary>
internal sealed partial class Workflows
{
    private const int FleetParallelism = 8;
    private static readonly TimeSpan WindowSlack = TimeSpan.FromMinutes(2);

    private sealed class FleetItem
    {
        public FleetItem(DeploymentOperation operation, object? input, DeploymentProgress? progress)
        {
            Operation = operation;
            Input = input;
            Progress = progress;
        }

        public DeploymentOperation Operation { get; }

        public object? Input { get; }

        public DeploymentProgress? Progress { get; }

        public string Key => NormalizeId(Operation.RequestId);

        /// <summary>Whether its bar was ever written (only then is it completed).</summary>
        public bool Shown { get; private set; }

        public void Report(Deployment deployment)
        {
            Shown = true;
            Progress!.Report(deployment);
        }

        public void Complete()
        {
            if (Shown)
            {
                Progress!.Complete();
            }
        }
    }

    private async Task WaitForManyAsync(IReadOnlyList<(DeploymentOperation Operation, object? Input, DeploymentProgress? Progress)> items, TimeSpan? timeout, CancellationToken ct)
    {
        var pending = new List<FleetItem>();
        foreach (var item in items)
        {
            if (item.Operation.Status == OperationState.InProgress || item.Operation.EndTime is null)
            {
                pending.Add(new FleetItem(item.Operation, item.Input, item.Progress));
            }
            else
            {
                await CompleteAsync(item.Operation, OperationWait.None, null, ct).ConfigureAwait(false);
            }
        }

        if (pending.Count == 0)
        {
            return;
        }

        // Look at once: the operations may have ended long ago, and a short timeout must not report them InProgress.
        await StatusLookAsync(pending, ct).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return;
        }

        PollingOptions polling = Client.Options.Polling ?? new PollingOptions();
        TimeSpan limit = timeout ?? polling.Timeout;
        using (CancellationTokenSource deadline = limit == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : Client.Clock.CreateCancellationTokenSource(limit))
        using (CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token))
        {
            try
            {
                await WatchManyAsync(pending, polling, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested && deadline.IsCancellationRequested)
            {
                // The deadline may have cut a look short: look once more, so what ended meanwhile is reported as ended.
                await StatusLookAsync(pending, ct).ConfigureAwait(false);
                foreach (FleetItem item in pending)
                {
                    item.Complete();
                    Sink.Emit(item.Operation);
                    Sink.Error(new TimeoutException($"Operation {item.Operation.RequestId} did not finish within {limit}; it may still be running."), item.Input);
                }
            }
        }
    }

    private async Task WatchManyAsync(List<FleetItem> pending, PollingOptions polling, CancellationToken ct)
    {
        // The earliest operation that walks every domain of a known deployment times the looks for all.
        FleetItem? watched = pending
            .Where(i => i.Progress != null && WalksEveryDomain(i.Operation.Kind))
            .OrderBy(i => i.Operation.StartTime)
            .FirstOrDefault() ?? pending.FirstOrDefault(i => i.Progress != null);
        DateTime first = pending.Min(i => i.Operation.StartTime);
        DateTime last = pending.Max(i => i.Operation.StartTime);
        var schedule = new WaitSchedule(polling, watched != null, watched != null && WalksEveryDomain(watched.Operation.Kind))
        {
            Spread = first > DateTime.MinValue && last > first ? last - first : TimeSpan.Zero,
            ShowsEveryDomain = ShowsProgress,
        };
        var poller = new OperationPoller(Client, polling);
        long started = Client.Clock.GetTimestamp();
        TimeSpan offset = watched is null ? TimeSpan.Zero : poller.Since(watched.Operation.StartTime);
        TimeSpan Now() => Client.Clock.GetElapsedTime(started) + offset;
        int? reportedDomain = null;
        while (pending.Count > 0)
        {
            TimeSpan now = Now();
            PlannedLook look = schedule.Next(now);
            TimeSpan delay = look.At - now;
            if (delay > TimeSpan.Zero)
            {
                await Client.PollDelay(delay, ct).ConfigureAwait(false);
            }

            ct.ThrowIfCancellationRequested();
            if (look.Kind == LookKind.Deployment && watched != null)
            {
                TimeSpan sent = Now();
                Deployment deployment;
                try
                {
                    deployment = await Client.GetDeploymentAsync(watched.Progress!.Target, ct).ConfigureAwait(false);
                }
                catch (Exception exception) when (!(exception is OperationCanceledException))
                {
                    Sink.Verbose("Progress: could not read deployment " + watched.Progress!.Target + ": " + exception.Message);
                    schedule.DeploymentUnreadable();
                    continue;
                }

                schedule.SawDeployment(sent, Now(), deployment);
                if (pending.Contains(watched))
                {
                    watched.Report(deployment);
                }

                int? domain = deployment.UpgradeStatus?.CurrentUpgradeDomain;
                if (ShowsProgress && domain != reportedDomain)
                {
                    reportedDomain = domain;
                    await RefreshProgressAsync(pending.Where(i => i != watched && i.Progress != null).ToList(), ct).ConfigureAwait(false);
                }

                continue;
            }

            await StatusLookAsync(pending, ct).ConfigureAwait(false);
            if (pending.Count > 0)
            {
                schedule.SawInProgress();
            }
        }
    }

    /// <summary>One List Subscription Operations (all pages); Get Operation Status for what it does not show.</summary>
    private async Task StatusLookAsync(List<FleetItem> pending, CancellationToken ct)
    {
        var statuses = new Dictionary<string, OperationStatus>(StringComparer.Ordinal);
        bool listed = true;
        DateTime earliest = pending.Min(i => i.Operation.StartTime);
        DateTime now = Client.Clock.GetUtcNow().UtcDateTime;
        DateTime from = earliest > DateTime.MinValue && now - earliest < TimeSpan.FromDays(1) ? earliest.ToUniversalTime() - WindowSlack : now - TimeSpan.FromDays(1);
        try
        {
            foreach (SubscriptionOperation entry in await Client.ListAllSubscriptionOperationsAsync(from, now + WindowSlack, null, null, ct).ConfigureAwait(false))
            {
                statuses[NormalizeId(entry.OperationId)] = entry.Status;
            }
        }
        catch (Exception exception) when (!(exception is OperationCanceledException))
        {
            Sink.Verbose("List Subscription Operations failed (" + exception.Message + "); asking Get Operation Status for each operation.");
            listed = false;
        }

        List<FleetItem> unlisted = pending.Where(i => !statuses.ContainsKey(i.Key)).ToList();
        if (listed && unlisted.Count > 0)
        {
            Sink.Verbose($"List Subscription Operations does not show {unlisted.Count} of the operations; asking Get Operation Status for them.");
        }

        await ForEachAsync(unlisted, async item =>
        {
            try
            {
                OperationStatus status = await Client.GetOperationStatusAsync(item.Operation.RequestId, ct).ConfigureAwait(false);
                lock (statuses)
                {
                    statuses[item.Key] = status;
                }
            }
            catch (Exception exception) when (!(exception is OperationCanceledException))
            {
                // This operation cannot be waited for (unknown id, …): its own error; the others go on.
                lock (pending)
                {
                    pending.Remove(item);
                }

                item.Complete();
                Sink.Error(exception, item.Input);
            }
        }, ct).ConfigureAwait(false);
        foreach (FleetItem item in pending.ToList())
        {
            if (statuses.TryGetValue(item.Key, out OperationStatus? status) && status.Status != OperationState.InProgress)
            {
                pending.Remove(item);
                Apply(item.Operation, status);
                item.Complete();
                await CompleteAsync(item.Operation, OperationWait.None, null, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One Get Hosted Service with embed-detail per service, each deployment's answer to its bar.</summary>
    private async Task RefreshProgressAsync(List<FleetItem> items, CancellationToken ct)
    {
        var byService = items.GroupBy(i => i.Progress!.Target.ServiceName, StringComparer.OrdinalIgnoreCase).ToList();
        await ForEachAsync(byService, async group =>
        {
            CloudService service;
            try
            {
                service = await Client.GetHostedServiceAsync(group.Key, true, ct).ConfigureAwait(false);
            }
            catch (Exception exception) when (!(exception is OperationCanceledException))
            {
                Sink.Verbose("Progress: could not read service " + group.Key + ": " + exception.Message);
                return;
            }

            foreach (FleetItem item in group)
            {
                DeploymentTarget target = item.Progress!.Target;
                Deployment? deployment = service.Deployments.FirstOrDefault(d => target.DeploymentName != null
                    ? string.Equals(d.DeploymentName, target.DeploymentName, StringComparison.OrdinalIgnoreCase)
                    : d.Slot == target.Slot);
                if (deployment != null)
                {
                    item.Report(deployment);
                }
            }
        }, ct).ConfigureAwait(false);
    }

    private static async Task ForEachAsync<T>(IReadOnlyCollection<T> items, Func<T, Task> body, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return;
        }

        using (var gate = new SemaphoreSlim(FleetParallelism))
        {
            await Task.WhenAll(items.Select(async item =>
            {
                await gate.WaitAsync(ct).ConfigureAwait(false);
                try
                {
                    await body(item).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);
        }
    }

    /// <summary>Request ids come as 32 hex digits or as a GUID with dashes; one form for matching.</summary>
    private static string NormalizeId(string id) => id.Replace("-", string.Empty).ToLowerInvariant();
}

/// <summary>A sink that can tell whether progress is shown at all (PowerShell's $ProgressPreference).</summary>
internal interface IProgressVisibility
{
    bool ShowsProgress { get; }
}
