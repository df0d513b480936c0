using System;
using ClassicDeploy.Models;

namespace ClassicDeploy.Client;

/// <summary>What a wait asks next: Get Deployment (progress and timing) or Get Operation Status (is it over).</summary>
internal enum LookKind
{
    Status,
    Deployment,
}

/// <summary>One planned request: what to ask and when (time since the operation was accepted).</summary>
internal readonly struct PlannedLook
{
    public PlannedLook(TimeSpan at, LookKind kind)
    {
        At = at;
        Kind = kind;
    }

    public TimeSpan At { get; }

    public LookKind Kind { get; }
}

/// <summary>
/// Decides when a wait looks and at what; pure (time is passed in), so it is tested on an injected clock.
/// <list type="bullet">
/// <item>Without a deployment to watch: Get Operation Status on the adaptive schedule of <see cref="OperationPoller.Next"/>.</item>
/// <item>An Auto update that walks every domain: Get Deployment only where it teaches something, at the
/// domain changes a <see cref="DomainForecast"/> predicts (bisecting each until it is known to
/// <see cref="PollingOptions.ForecastLatenessFraction"/> of the time waited). In the last domain the update
/// ends when the next domain would begin: Get Operation Status on the adaptive schedule until the earliest
/// such moment the forecast allows, then every that fraction of the time waited until the latest, then the
/// adaptive schedule again.</item>
/// <item>Any other update (walk, rollback, simultaneous): Get Deployment on the adaptive schedule for the
/// progress bar, Get Operation Status once the deployment shows the change over, and every fourth look.</item>
/// </list>
/// Every Get Deployment feeds the progress bar, so progress costs no request of its own.
/// </summary>
internal sealed class WaitSchedule
{
    private const int StatusEvery = 4;
    private const double Growth = 2;

    private readonly PollingOptions _polling;
    private readonly DomainForecast _forecast = new DomainForecast();
    private readonly double _fraction;
    private bool _watch;
    private bool _walksEveryDomain;
    private bool _statusDue;
    private bool _started;
    private TimeSpan _interval;
    private int _domainCount;
    private int _domain = -1;
    private int _looksSinceStatus;
    private int _emptyLooks;
    private bool _forecasting;

    public WaitSchedule(PollingOptions polling, bool watchDeployment, bool walksEveryDomain)
    {
        _polling = polling;
        _watch = watchDeployment;
        _walksEveryDomain = walksEveryDomain;
        _interval = polling.InitialInterval < TimeSpan.Zero ? TimeSpan.Zero : polling.InitialInterval;
        _fraction = polling.ForecastLatenessFraction > 0 ? polling.ForecastLatenessFraction : 0.02;
    }

    /// <summary>
    /// How much later than the watched one the last of the operations waited for together was accepted: the
    /// last domain is watched that much longer.
    /// </summary>
    public TimeSpan Spread { get; set; }

    /// <summary>
    /// Whether every upgrade domain must reach the progress bar (the default). False when no one sees the bar:
    /// the looks in the first domain may then reach past the second, which costs fewer of them.
    /// </summary>
    public bool ShowsEveryDomain { get; set; } = true;

    /// <summary>True while looks follow the forecast of an Auto update.</summary>
    public bool Forecasting => _forecasting;

    /// <summary>The next look, planned at <paramref name="now"/> (just after the previous answer).</summary>
    public PlannedLook Next(TimeSpan now)
    {
        if (!_started)
        {
            _started = true;
            return new PlannedLook(now + _interval, _watch ? LookKind.Deployment : LookKind.Status);
        }

        if (_statusDue || (_watch && !_forecasting && _looksSinceStatus >= StatusEvery - 1))
        {
            return new PlannedLook(now, LookKind.Status);
        }

        if (_forecasting)
        {
            PlannedLook? forecast = Forecast(now);
            if (forecast.HasValue)
            {
                return forecast.Value;
            }
        }

        _interval = OperationPoller.Next(_interval, Factor, now, _polling);
        bool lastDomain = _forecasting && _domain >= _domainCount - 1;
        return new PlannedLook(now + _interval, _watch && !lastDomain ? LookKind.Deployment : LookKind.Status);
    }

    /// <summary>Get Deployment answered: seen between <paramref name="sent"/> and <paramref name="received"/>.</summary>
    public void SawDeployment(TimeSpan sent, TimeSpan received, Deployment deployment)
    {
        _looksSinceStatus++;
        UpgradeStatus? upgrade = deployment.UpgradeStatus;
        if (upgrade is null)
        {
            // No update shown: the operation may be over (or never shows in the deployment).
            _statusDue = true;
            _forecasting = false;
            if (++_emptyLooks >= 2)
            {
                _watch = false;
            }

            return;
        }

        _emptyLooks = 0;
        int domain = upgrade.CurrentUpgradeDomain;
        if (domain < _domain)
        {
            // The update went back to an earlier domain: another update or a rollback took over.
            _forecast.Clear();
            _statusDue = true;
        }

        _domain = domain;
        _domainCount = Math.Max(deployment.UpgradeDomainCount, domain + 1);
        bool during = string.Equals(upgrade.CurrentUpgradeDomainState, "During", StringComparison.OrdinalIgnoreCase);
        if (_walksEveryDomain && upgrade.UpgradeType == UpgradeMode.Auto)
        {
            _forecasting = true;
            _forecast.Observe(sent.TotalSeconds, received.TotalSeconds, domain);
        }
        else
        {
            _forecasting = false;
            _walksEveryDomain = false;
            if (!during)
            {
                // A walk or a manual rollback shows its end as the next domain "Before".
                _statusDue = true;
            }
        }
    }

    /// <summary>Get Deployment failed: go on with Get Operation Status alone.</summary>
    public void DeploymentUnreadable()
    {
        _watch = false;
        _forecasting = false;
    }

    /// <summary>Get Operation Status answered InProgress.</summary>
    public void SawInProgress()
    {
        _statusDue = false;
        _looksSinceStatus = 0;
    }

    private double Factor => _polling.BackoffFactor < 1 ? 1 : _polling.BackoffFactor;

    private PlannedLook? Forecast(TimeSpan now)
    {
        double t = now.TotalSeconds;
        double resolution = Math.Max(_fraction * t, 0.005);
        int last = _domainCount - 1;
        if (_domain >= last)
        {
            // The update ends when the next domain would begin (its UpgradeStatus goes): look sparsely until the
            // earliest such moment the forecast allows, then every resolution until the latest.
            (double Earliest, double Latest)? end = _forecast.StartOf(_domainCount);
            if (end is null || double.IsPositiveInfinity(end.Value.Latest))
            {
                return null;
            }

            if (t > end.Value.Latest + resolution + Spread.TotalSeconds)
            {
                // Later than the forecast allows: back to the adaptive schedule, from the resolution reached.
                _forecasting = false;
                _interval = TimeSpan.FromSeconds(resolution);
                return null;
            }

            double sparse = t + Math.Max(_polling.SteadyInterval.TotalSeconds, _polling.LatenessFraction * t);
            double when = t + resolution < end.Value.Earliest ? Math.Min(sparse, end.Value.Earliest) : t + resolution;
            return Look(t, when, LookKind.Status);
        }

        (double Earliest, double Latest)? next = _forecast.StartOf(_domain + 1);
        if (next is null)
        {
            return null;
        }

        (double earliest, double latest) = next.Value;
        double at = double.IsPositiveInfinity(latest) ? Math.Max(earliest, t * Growth)
            : latest - earliest <= 2 * resolution ? latest
            : (earliest + latest) / 2;

        // Not past the earliest start of the domain after next, so the progress bar shows every domain. With nobody
        // watching the bar, the looks in the first domain, which know nothing yet of how long a domain takes, reach
        // twice as far each time instead, which costs fewer of them. Later ones keep to it all the same: the end is
        // forecast from the domain changes seen on the way, and one skipped leaves it less certain.
        (double Earliest, double Latest)? afterNext = _forecast.StartOf(_domain + 2);
        bool mayLeap = !ShowsEveryDomain && _domain == 0 && _domain + 2 < _domainCount - 1;
        if (!mayLeap && afterNext.HasValue && afterNext.Value.Earliest > t)
        {
            at = Math.Min(at, afterNext.Value.Earliest);
        }

        return Look(t, Math.Max(at, t + 0.001), LookKind.Deployment);
    }

    private PlannedLook Look(double now, double at, LookKind kind) =>
        new PlannedLook(TimeSpan.FromSeconds(Math.Min(at, now + _polling.MaxInterval.TotalSeconds)), kind);
}
