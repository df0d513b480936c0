using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;

namespace ClassicDeploy.Operations.Monitoring;

// The steps of a monitored upgrade: gate a domain, walk one, roll back or pause, and the texts that say so.
internal sealed partial class MonitoredUpgrade
{
    /// <summary>Drives a <see cref="DomainGate"/> for <paramref name="domain"/> to its end; the failure, or null when it passed.</summary>
    private async Task<Ending?> GateAsync(int domain, DateTimeOffset walkedAt, CancellationToken ct)
    {
        var gate = new DomainGate(domain, _policy, walkedAt);
        _gates.Add(gate);
        int[] walked = _walked.ToArray();
        int expected = 1 + (int)Math.Ceiling(_policy.HealthCheckStable.Ticks / (double)_policy.HealthCheckInterval.Ticks);
        while (!gate.Pending.IsFinal)
        {
            GateStep step = gate.Pending;
            TimeSpan delay = step.At - Now;
            if (delay > TimeSpan.Zero)
            {
                await Client.PollDelay(delay, ct).ConfigureAwait(false);
            }

            Deployment deployment = await ReadAsync(ct).ConfigureAwait(false);
            Note(deployment);
            var readiness = InstanceReadiness.Of(deployment, domain, walked, _policy.MaxUnhealthyInstancePercent);
            if (step.Action == GateAction.ReadDeployment)
            {
                _progress.Stage($"domain {domain + 1} of {Count}: {readiness.DomainReady} of {readiness.DomainTotal} instances ready", domain, Count, 1);
                gate.Observe(Now, readiness);
                continue;
            }

            HealthVerdict verdict = readiness.Failure is string failure
                ? HealthVerdict.Unhealthy(failure)
                : await Sink.CheckHealthAsync(new HealthCheck(deployment, domain), ct).ConfigureAwait(false);
            gate.Checked(Now, verdict.IsHealthy, verdict.Reason);
            string failed = gate.ChecksFailed > 0 ? $", {gate.ChecksFailed} failed" : string.Empty;
            _progress.Stage($"domain {domain + 1} of {Count}: health check {Math.Min(gate.ChecksPassed, expected)} of {expected} passed{failed}", domain, Count, 2);
        }

        if (gate.Pending.Action == GateAction.Passed)
        {
            Sink.Verbose($"Upgrade domain {domain} of {_deployment.DeploymentName} is healthy ({gate.ChecksPassed} checks passed, {gate.ChecksFailed} failed).");
            return null;
        }

        return Ending.Failed(domain, gate.Pending.Reason ?? $"upgrade domain {domain} is unhealthy");
    }

    /// <summary>Walk Upgrade Domain, waited for; null when declined.</summary>
    private async Task<DeploymentOperation?> WalkAsync(int domain, CancellationToken ct)
    {
        _progress.Stage($"walking domain {domain + 1} of {Count}", domain, Count, 0);
        if (!await Sink.ShouldProcessAsync(Target(), $"Walk upgrade domain {domain} ({domain + 1} of {Count})").ConfigureAwait(false))
        {
            return null;
        }

        DeploymentOperation walk = await SendAsync(
            OperationKind.WalkUpgradeDomain,
            token => Client.WalkUpgradeDomainAsync(_target, new WalkUpgradeDomainRequest { UpgradeDomain = domain }, token),
            ct).ConfigureAwait(false);
        return walk;
    }

    /// <summary>Sends a mutation, remembers its operation, and waits for it to end.</summary>
    private async Task<DeploymentOperation> SendAsync(OperationKind kind, Func<CancellationToken, Task<AcceptedOperation>> send, CancellationToken ct)
    {
        var operation = new DeploymentOperation
        {
            Kind = kind,
            ServiceName = _deployment.ServiceName,
            Slot = _deployment.Slot,
            DeploymentName = _deployment.DeploymentName,
            StartTime = DateTime.UtcNow,
        };
        AcceptedOperation accepted = await send(ct).ConfigureAwait(false);
        operation.RequestId = accepted.RequestId;
        operation.Status = OperationState.InProgress;
        _operations.Add(operation);
        Sink.WhenStopped(StoppedWarning());
        Workflows.Apply(operation, await Client.WaitForOperationAsync(operation.RequestId, null, _wait.Timeout, ct).ConfigureAwait(false));
        return operation;
    }

    /// <summary>The failure action: pause, or roll back when the service still allows it (else the outcome is Failed).</summary>
    private async Task<RollingUpgradeResult?> FailAsync(Ending ending, CancellationToken ct)
    {
        string reason = ending.Failure!;
        if (ending.IsOperationFailure)
        {
            return Result(RollingUpgradeOutcome.Failed, ending.Domain, reason);
        }

        Deployment deployment = await ReadAsync(ct).ConfigureAwait(false);
        if (deployment.UpgradeStatus != null && _policy.FailureAction == FailureAction.Pause)
        {
            return Result(RollingUpgradeOutcome.Paused, ending.Domain, reason + ". " + PausedAdvice());
        }

        if (!deployment.RollbackAllowed)
        {
            return Result(RollingUpgradeOutcome.Failed, ending.Domain,
                reason + "; the update has already completed, so it cannot be rolled back: deploy the previous package again with Invoke-UpgradeDeployment");
        }

        _progress.Stage("rolling back", ending.Domain ?? 0, Count, 2);
        if (!await Sink.ShouldProcessAsync(Target(), "Roll back the update in progress (Auto)").ConfigureAwait(false))
        {
            return Result(RollingUpgradeOutcome.Paused, ending.Domain, reason + ". " + PausedAdvice());
        }

        DeploymentOperation? rollback = await RollBackAsync(ct).ConfigureAwait(false);
        if (rollback is null)
        {
            return Result(RollingUpgradeOutcome.Failed, ending.Domain,
                reason + "; the update completed before it could be rolled back: deploy the previous package again with Invoke-UpgradeDeployment");
        }

        if (rollback.Status == OperationState.Failed)
        {
            return Result(RollingUpgradeOutcome.Failed, ending.Domain,
                $"{reason}; the rollback failed too (operation {rollback.RequestId}): {rollback.ErrorCode}: {rollback.ErrorMessage}");
        }

        return Result(RollingUpgradeOutcome.RolledBack, ending.Domain, reason);
    }

    /// <summary>
    /// Rollback Update Or Upgrade (Auto), waited for. A 409 while the service holds the deployment
    /// (accepting a walk of an Auto update) is retried each HealthCheckInterval, at most for
    /// UpgradeDomainTimeout; null when the update completed meanwhile.
    /// </summary>
    private async Task<DeploymentOperation?> RollBackAsync(CancellationToken ct)
    {
        DateTimeOffset giveUp = Now + _policy.UpgradeDomainTimeout;
        while (true)
        {
            try
            {
                return await SendAsync(
                    OperationKind.RollbackUpdateOrUpgrade,
                    token => Client.RollbackUpdateOrUpgradeAsync(_target, new RollbackUpdateOrUpgradeRequest { Mode = UpgradeMode.Auto }, token),
                    ct).ConfigureAwait(false);
            }
            catch (ServiceManagementException refused) when (refused.StatusCode == 409 && Now < giveUp)
            {
                Sink.Verbose($"Rollback Update Or Upgrade refused while the deployment is locked ({refused.ErrorCode}); trying again in {HealthPolicy.Text(_policy.HealthCheckInterval)}.");
                await Client.PollDelay(_policy.HealthCheckInterval, ct).ConfigureAwait(false);
                if (!(await ReadAsync(ct).ConfigureAwait(false)).RollbackAllowed)
                {
                    return null;
                }
            }
        }
    }

    private string Target() => $"{_deployment.ServiceName}/{_deployment.DeploymentName} ({_deployment.Slot})";

    private string ResumeCommand() => $"Step-UpgradeDomain -ServiceName {_deployment.ServiceName} -DeploymentName {_deployment.DeploymentName} -All -HealthCheck <your check>";

    private string RollbackCommand() => $"Undo-DeploymentUpgrade -ServiceName {_deployment.ServiceName} -DeploymentName {_deployment.DeploymentName} -Mode Auto -Wait";

    private string PausedAdvice()
    {
        string auto = _deployment.UpgradeStatus?.UpgradeType == UpgradeMode.Manual || _gates.Count == 0 || _deployment.UpgradeStatus is null
            ? string.Empty
            : "In Auto mode the service goes on walking by itself; to stop it, roll back. ";
        return $"The update is left in progress. {auto}To resume the gated walk: {ResumeCommand()}; to roll back: {RollbackCommand()}";
    }

    /// <summary>What Ctrl+C leaves behind, for the warning the cmdlet writes when it is stopped.</summary>
    private string StoppedWarning()
    {
        DeploymentOperation? last = _operations.LastOrDefault();
        string request = last is null ? string.Empty : $" (last request: {last.Operation}, request id {last.RequestId})";
        if (last?.Kind == OperationKind.RollbackUpdateOrUpgrade)
        {
            return $"Stopped watching {Target()}: its rollback is in progress{request}. Wait for it: Wait-DeploymentOperation -RequestId {last.RequestId}";
        }

        return $"Stopped watching the monitored upgrade of {Target()}; the update is still in progress{request}. To resume: {ResumeCommand()}; to roll back: {RollbackCommand()}";
    }

    private static WorkflowException HealthCheckFailed(RollingUpgradeResult result)
    {
        string what = result.Outcome == RollingUpgradeOutcome.RolledBack ? "was rolled back"
            : result.Outcome == RollingUpgradeOutcome.Paused ? "is paused"
            : "failed";
        string at = result.FailedUpgradeDomain is int domain ? $" at upgrade domain {domain}" : string.Empty;
        return new WorkflowException(
            "HealthCheckFailed",
            WorkflowFailure.InvalidResult,
            $"The monitored upgrade of {result.DeploymentName} ({result.ServiceName}/{result.Slot}) {what}{at}: {result.Reason}");
    }
}
