using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Operations.Monitoring;

/// <summary>
/// One monitored rolling upgrade of one deployment, from an update in progress to its
/// <see cref="RollingUpgradeResult"/>. Manual: walk a domain, gate it (<see cref="DomainGate"/>),
/// walk the next only when it passed; Auto and Simultaneous: watch UpgradeStatus and gate each
/// domain as the service leaves it. A domain already walked when it starts (a resumed run) is
/// gated again before anything is walked. At the first failing domain: roll back (Auto, waited
/// for) or pause, then output the result and a HealthCheckFailed error. Time is the client's clock
/// and every wait the client's delay, so tests run it on an injected clock.
/// </summary>
internal sealed partial class MonitoredUpgrade
{
    private readonly Workflows _workflows;
    private readonly HealthPolicy _policy;
    private readonly OperationWait _wait;
    private readonly List<DomainGate> _gates = new List<DomainGate>();
    private readonly List<DeploymentOperation> _operations = new List<DeploymentOperation>();
    private readonly HashSet<int> _walked = new HashSet<int>();
    private readonly Dictionary<int, DateTimeOffset> _seenWalking = new Dictionary<int, DateTimeOffset>();
    private readonly DateTimeOffset _started;
    private DeploymentTarget _target = null!;
    private Deployment _deployment = null!;
    private MonitorProgress _progress = null!;

    public MonitoredUpgrade(Workflows workflows, HealthPolicy policy, OperationWait wait)
    {
        _workflows = workflows;
        _policy = policy;
        _wait = wait;
        _started = Clock.GetUtcNow();
    }

    private ServiceManagementClient Client => _workflows.Client;

    private IOperationSink Sink => _workflows.Sink;

    private TimeProvider Clock => Client.Clock;

    private DateTimeOffset Now => Clock.GetUtcNow();

    private int Count => Math.Max(1, _deployment.UpgradeDomainCount);

    /// <summary>An operation this run started (the upgrade), to report and to check at the end.</summary>
    public void Started(DeploymentOperation upgrade) => _operations.Add(upgrade);

    /// <summary>
    /// Runs the gated walk of <paramref name="deployment"/>'s update in progress to its end and
    /// outputs the result (null when a walk was declined, -WhatIf). <paramref name="mode"/> is the
    /// update's: Manual walks, the others are watched.
    /// </summary>
    public async Task<RollingUpgradeResult?> RunAsync(Deployment deployment, UpgradeMode mode, CancellationToken ct)
    {
        _deployment = deployment;
        _target = DeploymentTarget.ByName(deployment.ServiceName, deployment.DeploymentName);
        _progress = new MonitorProgress(_target, Sink);
        _progress.Describe(deployment);
        Sink.WhenStopped(StoppedWarning());
        try
        {
            Ending ending = mode == UpgradeMode.Manual
                ? await WalkManualAsync(ct).ConfigureAwait(false)
                : await WatchAsync(ct).ConfigureAwait(false);
            if (ending.Declined)
            {
                return null;
            }

            RollingUpgradeResult? result = ending.Failure is null
                ? Result(RollingUpgradeOutcome.Completed, null, null)
                : await FailAsync(ending, ct).ConfigureAwait(false);
            if (result is null)
            {
                return null;
            }

            Sink.WhenStopped(null);
            Sink.Emit(result);
            if (result.Outcome != RollingUpgradeOutcome.Completed)
            {
                Sink.Error(HealthCheckFailed(result), result);
            }

            return result;
        }
        finally
        {
            _progress.Complete();
        }
    }

    /// <summary>Manual: gate what was walked before this run, then walk and gate one domain at a time.</summary>
    private async Task<Ending> WalkManualAsync(CancellationToken ct)
    {
        // A manual update this run started is accepted first; an unusable package fails it here.
        Ending? upgradeFailed = await UpgradeOperationFailedAsync(ct).ConfigureAwait(false);
        if (upgradeFailed != null)
        {
            return upgradeFailed;
        }

        _deployment = await ReadAsync(ct).ConfigureAwait(false);
        await SettleAsync(ct).ConfigureAwait(false);
        if (_deployment.UpgradeStatus is null)
        {
            return await FinishedAsync(ct).ConfigureAwait(false);
        }

        int current = _deployment.UpgradeStatus.CurrentUpgradeDomain;
        for (int domain = 0; domain < current; domain++)
        {
            _walked.Add(domain);
            Sink.Verbose($"Resuming: re-checking upgrade domain {domain}, walked before this run.");
            Ending? failed = await GateAsync(domain, Now, ct).ConfigureAwait(false);
            if (failed != null)
            {
                return failed;
            }
        }

        bool first = true;
        while (_deployment.UpgradeStatus != null)
        {
            int domain = _deployment.UpgradeStatus.CurrentUpgradeDomain;
            if ((!first || _gates.Count > 0) && _policy.PauseBetweenDomains > TimeSpan.Zero)
            {
                _progress.Stage($"pausing {HealthPolicy.Text(_policy.PauseBetweenDomains)} before domain {domain + 1} of {Count}", domain, Count, 0);
                await Client.PollDelay(_policy.PauseBetweenDomains, ct).ConfigureAwait(false);
            }

            first = false;
            DateTimeOffset walkedAt = Now;
            DeploymentOperation? walk = await WalkAsync(domain, ct).ConfigureAwait(false);
            if (walk is null)
            {
                return Ending.WasDeclined;
            }

            if (walk.Status == OperationState.Failed)
            {
                return Ending.OperationFailed(domain, walk);
            }

            _walked.Add(domain);
            Ending? failed = await GateAsync(domain, walkedAt, ct).ConfigureAwait(false);
            if (failed != null)
            {
                return failed;
            }

            _deployment = await ReadAsync(ct).ConfigureAwait(false);
            if (_deployment.UpgradeStatus != null && _deployment.UpgradeStatus.CurrentUpgradeDomain <= domain)
            {
                // The service did not move on (another client rolled back or restarted the update): stop rather than walk a domain twice.
                return Ending.Failed(domain, $"after the walk of upgrade domain {domain} the service's current domain is {_deployment.UpgradeStatus.CurrentUpgradeDomain}; another client changed the update");
            }
        }

        return await FinishedAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Auto and Simultaneous: the service walks by itself; gate each domain once the service has left it.</summary>
    private async Task<Ending> WatchAsync(CancellationToken ct)
    {
        int next = 0;
        while (_deployment.UpgradeStatus != null)
        {
            Note(_deployment);
            int left = LeftDomains(_deployment);
            if (next < left)
            {
                int domain = next++;
                _walked.Add(domain);
                DateTimeOffset walkedAt = _seenWalking.TryGetValue(domain, out DateTimeOffset seen) ? seen : Now;
                Ending? failed = await GateAsync(domain, walkedAt, ct).ConfigureAwait(false);
                if (failed != null)
                {
                    return failed;
                }

                _deployment = await ReadAsync(ct).ConfigureAwait(false);
                continue;
            }

            _progress.Stage($"service walking domain {left + 1} of {Count}", left, Count, 0);
            await Client.PollDelay(_policy.HealthCheckInterval, ct).ConfigureAwait(false);
            _deployment = await ReadAsync(ct).ConfigureAwait(false);
        }

        Ending? upgradeFailed = await UpgradeOperationFailedAsync(ct).ConfigureAwait(false);
        if (upgradeFailed != null)
        {
            return upgradeFailed;
        }

        for (; next < Count; next++)
        {
            _walked.Add(next);
            DateTimeOffset walkedAt = _seenWalking.TryGetValue(next, out DateTimeOffset seen) ? seen : Now;
            Ending? failed = await GateAsync(next, walkedAt, ct).ConfigureAwait(false);
            if (failed != null)
            {
                return failed;
            }
        }

        return Ending.Success;
    }

    /// <summary>Domains the service has left: those before the current one (or every one once the update has ended).</summary>
    private int LeftDomains(Deployment deployment)
    {
        UpgradeStatus? status = deployment.UpgradeStatus;
        if (status is null)
        {
            return Count;
        }

        // Simultaneous walks every domain at once: none is left before the update ends.
        return status.UpgradeType == UpgradeMode.Simultaneous ? 0 : status.CurrentUpgradeDomain;
    }

    /// <summary>Remembers when each domain was first seen being walked (its WalkedAt in Auto mode).</summary>
    private void Note(Deployment deployment)
    {
        UpgradeStatus? status = deployment.UpgradeStatus;
        if (status != null && string.Equals(status.CurrentUpgradeDomainState, "During", StringComparison.OrdinalIgnoreCase) && !_seenWalking.ContainsKey(status.CurrentUpgradeDomain))
        {
            _seenWalking[status.CurrentUpgradeDomain] = Now;
        }
    }

    /// <summary>The update ended with domains still to gate (Manual: the last walk completed it; resumed after the end).</summary>
    private async Task<Ending> FinishedAsync(CancellationToken ct)
    {
        Ending? upgradeFailed = await UpgradeOperationFailedAsync(ct).ConfigureAwait(false);
        return upgradeFailed ?? Ending.Success;
    }

    /// <summary>The upgrade operation this run started, if it ended Failed (an unusable package).</summary>
    private async Task<Ending?> UpgradeOperationFailedAsync(CancellationToken ct)
    {
        DeploymentOperation? upgrade = _operations.FirstOrDefault(o => o.Kind == OperationKind.UpgradeDeployment);
        if (upgrade is null)
        {
            return null;
        }

        if (upgrade.Status == OperationState.InProgress)
        {
            Workflows.Apply(upgrade, await Client.WaitForOperationAsync(upgrade.RequestId, null, _wait.Timeout, ct).ConfigureAwait(false));
        }

        return upgrade.Status == OperationState.Failed ? Ending.OperationFailed(null, upgrade) : null;
    }

    /// <summary>Waits while a walk started before this run still holds the deployment, so the current domain is known.</summary>
    private async Task SettleAsync(CancellationToken ct)
    {
        while (_deployment.UpgradeStatus != null && (_deployment.Locked || string.Equals(_deployment.UpgradeStatus.CurrentUpgradeDomainState, "During", StringComparison.OrdinalIgnoreCase)))
        {
            _progress.Stage($"waiting for the walk of domain {_deployment.UpgradeStatus.CurrentUpgradeDomain + 1} of {Count} in progress", _deployment.UpgradeStatus.CurrentUpgradeDomain, Count, 1);
            await Client.PollDelay(_policy.HealthCheckInterval, ct).ConfigureAwait(false);
            _deployment = await ReadAsync(ct).ConfigureAwait(false);
        }
    }

    private Task<Deployment> ReadAsync(CancellationToken ct) => Client.GetDeploymentAsync(_target, ct);

    private RollingUpgradeResult Result(RollingUpgradeOutcome outcome, int? failedDomain, string? reason) => new RollingUpgradeResult
    {
        ServiceName = _deployment.ServiceName,
        Slot = _deployment.Slot,
        DeploymentName = _deployment.DeploymentName,
        Outcome = outcome,
        FailedUpgradeDomain = failedDomain,
        Reason = reason,
        Duration = Now - _started,
        Domains = _gates.Select(g => g.ToResult()).ToArray(),
        Operations = _operations.ToArray(),
    };

    /// <summary>How the walk ended: success, a declined request, or a failure (at a domain or of an operation).</summary>
    private sealed class Ending
    {
        private Ending(bool declined, int? domain, string? failure, bool operationFailed)
        {
            Declined = declined;
            Domain = domain;
            Failure = failure;
            IsOperationFailure = operationFailed;
        }

        public static Ending Success { get; } = new Ending(false, null, null, false);

        public static Ending WasDeclined { get; } = new Ending(true, null, null, false);

        public bool Declined { get; }

        public int? Domain { get; }

        public string? Failure { get; }

        /// <summary>An operation ended Failed: nothing to roll back that the service did not already refuse.</summary>
        public bool IsOperationFailure { get; }

        public static Ending Failed(int domain, string reason) => new Ending(false, domain, reason, false);

        public static Ending OperationFailed(int? domain, DeploymentOperation operation) => new Ending(
            false,
            domain,
            $"{operation.Operation} failed (operation {operation.RequestId}): {operation.ErrorCode}: {operation.ErrorMessage}",
            true);
    }
}
