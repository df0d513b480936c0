using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;
using ClassicDeploy.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClassicDeploy.Tests.Client;

/// <summary>
/// Waiting for an Auto update on an injected clock: a scripted service whose Get Deployment shows the
/// current upgrade domain and whose Get Operation Status turns Succeeded at a known moment.
/// </summary>
public sealed class ForecastWaitTests
{
    /// <summary>
    /// An Auto update as the service shows it: domain 0 "Before" while it is accepted, then each domain "During"
    /// while its change is applied and the next one "Before" while the updated instances start; the operation
    /// succeeds (and UpgradeStatus goes) once the last domain's change is applied.
    /// </summary>
    private sealed class SimulatedUpgrade
    {
        private readonly FakeTimeProvider _clock;
        private readonly DateTimeOffset _start;

        public SimulatedUpgrade(FakeTimeProvider clock, int domains, double accept, double apply, double start)
        {
            _clock = clock;
            _start = clock.GetUtcNow();
            Domains = domains;
            Accept = accept;
            Start = start;
            Period = apply + start;
            End = accept + ((domains - 1) * Period) + apply;
        }

        public int Domains { get; }

        public double Accept { get; }

        public double Period { get; }

        public double Start { get; }

        public double End { get; }

        /// <summary>Overrides the domain shown at a time (a non-periodic update).</summary>
        public Func<double, int>? DomainAt { get; set; }

        public double Now => (_clock.GetUtcNow() - _start).TotalSeconds;

        public List<string> Looks { get; } = new List<string>();

        public List<string> Trace { get; } = new List<string>();

        public ScriptedHandler Handler() => new ScriptedHandler
        {
            Otherwise = (request, ct) =>
            {
                string path = request.RequestUri!.AbsolutePath;
                if (path.Contains("/operations/", StringComparison.Ordinal))
                {
                    Looks.Add("status");
                    Trace.Add($"s@{Now:0.00}");
                    return Task.FromResult(ScriptedHandler.Answer(HttpStatusCode.OK, ScriptedHandler.Operation("op1", Now >= End ? "Succeeded" : "InProgress")));
                }

                Looks.Add("deployment");
                Trace.Add($"d{Domain(Now)}@{Now:0.00}");
                return Task.FromResult(ScriptedHandler.Answer(HttpStatusCode.OK, DeploymentXml(Now >= End ? null : Domain(Now), Domains)));
            },
        };

        private int Domain(double t) => DomainAt?.Invoke(t) ?? Math.Min(Domains - 1, Math.Max(0, (int)Math.Floor((t - Accept + Start) / Period)));
    }

    internal static string DeploymentXml(int? domain, int domains) =>
        "<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>app-prod</Name><DeploymentSlot>Production</DeploymentSlot><Status>Running</Status>" +
        (domain is null ? string.Empty
            : "<UpgradeStatus><UpgradeType>Auto</UpgradeType><CurrentUpgradeDomainState>During</CurrentUpgradeDomainState><CurrentUpgradeDomain>" + domain + "</CurrentUpgradeDomain></UpgradeStatus>") +
        "<UpgradeDomainCount>" + domains + "</UpgradeDomainCount></Deployment>";

    private static async Task<(OperationStatus Status, double ReturnedAt, List<int> DomainsSeen)> WaitAsync(
        SimulatedUpgrade upgrade, FakeTimeProvider clock, ScriptedHandler handler, bool walksEveryDomain = true, PollingOptions? polling = null, bool showsEveryDomain = true)
    {
        var options = ScriptedHandler.Options(handler);
        options.Polling = polling ?? new PollingOptions();
        using var client = new ServiceManagementClient(options) { Clock = clock };
        client.PollDelay = (delay, ct) =>
        {
            clock.Advance(delay);
            return Task.CompletedTask;
        };
        var seen = new List<int>();
        var watch = new OperationWatch(
            DeploymentTarget.BySlot("app", DeploymentSlot.Production),
            walksEveryDomain,
            d => seen.Add(d.UpgradeStatus?.CurrentUpgradeDomain ?? -1),
            null)
        {
            ShowsEveryDomain = showsEveryDomain,
        };
        OperationStatus status = await client.WatchOperationAsync("op1", watch, null, CancellationToken.None);
        return (status, upgrade.Now, seen);
    }

    [Theory]
    [InlineData(5, 0.0, 0.4, 0.0)]    // 2.0 s: five 400 ms domains
    [InlineData(5, 0.0, 0.5, 0.0)]    // 2.5 s
    [InlineData(5, 0.0, 6.5, 0.0)]    // 32.5 s
    [InlineData(5, 0.1, 0.4, 0.2)]    // accept time, and instances that start after each domain's change
    [InlineData(5, 0.125, 0.5, 0.25)] // the emulator's defaults for 500 ms domains
    [InlineData(5, 1.5, 6.0, 3.0)]
    [InlineData(10, 0.0, 60.0, 30.0)] // ten domains of a minute and a half
    [InlineData(2, 0.0, 3.0, 0.0)]
    public async Task AnAutoUpgradeIsNoticedWithinTheForecastLatenessOfItsEnd(int domains, double accept, double apply, double start)
    {
        var clock = new FakeTimeProvider();
        var upgrade = new SimulatedUpgrade(clock, domains, accept, apply, start);

        var (status, returnedAt, _) = await WaitAsync(upgrade, clock, upgrade.Handler());

        Assert.Equal(OperationState.Succeeded, status.Status);
        Assert.InRange(returnedAt, upgrade.End, upgrade.End * 1.03);
    }

    [Theory]
    [InlineData(5, 0.0, 0.4, 0.0)]
    [InlineData(5, 0.0, 0.5, 0.0)]
    [InlineData(5, 0.0, 6.5, 0.0)]
    [InlineData(5, 0.1, 0.4, 0.2)]
    [InlineData(5, 0.125, 0.5, 0.25)]
    [InlineData(5, 1.5, 6.0, 3.0)]
    [InlineData(5, 1.625, 6.5, 3.25)] // the emulator's defaults for 6.5 s domains
    [InlineData(10, 0.0, 60.0, 30.0)]
    [InlineData(2, 0.0, 3.0, 0.0)]
    public async Task WithNobodySeeingTheProgressBarAnAutoUpgradeIsNoticedAsSoonForNoMoreRequests(int domains, double accept, double apply, double start)
    {
        var (shown, hidden, status, returnedAt) = await ShownThenHiddenAsync(domains, accept, apply, start);

        Assert.Equal(OperationState.Succeeded, status.Status);
        Assert.InRange(returnedAt, hidden.End, hidden.End * 1.03);
        Assert.True(hidden.Looks.Count <= shown.Looks.Count, $"hidden {string.Join(" ", hidden.Trace)}; shown {string.Join(" ", shown.Trace)}");
    }

    [Theory]
    [InlineData(0.5)] // 2.5 s
    [InlineData(6.5)] // 32.5 s
    public async Task WithNobodySeeingTheProgressBarTheFirstDomainCostsFewerLooks(double apply)
    {
        var (shown, upgrade, _, returnedAt) = await ShownThenHiddenAsync(5, 0, apply, 0);

        Assert.InRange(returnedAt, upgrade.End, upgrade.End * 1.03);
        Assert.True(upgrade.Looks.Count < shown.Looks.Count, $"hidden {string.Join(" ", upgrade.Trace)}; shown {string.Join(" ", shown.Trace)}");
        Assert.True(
            upgrade.Trace.Count(l => l.StartsWith("d0@", StringComparison.Ordinal)) < shown.Trace.Count(l => l.StartsWith("d0@", StringComparison.Ordinal)),
            $"hidden {string.Join(" ", upgrade.Trace)}; shown {string.Join(" ", shown.Trace)}");
    }

    /// <summary>The same upgrade waited for twice, each on a clock of its own: with every domain on the bar, then with nobody seeing it.</summary>
    private static async Task<(SimulatedUpgrade Shown, SimulatedUpgrade Hidden, OperationStatus HiddenStatus, double HiddenReturnedAt)> ShownThenHiddenAsync(
        int domains, double accept, double apply, double start)
    {
        var shownClock = new FakeTimeProvider();
        var shown = new SimulatedUpgrade(shownClock, domains, accept, apply, start);
        await WaitAsync(shown, shownClock, shown.Handler());
        var hiddenClock = new FakeTimeProvider();
        var hidden = new SimulatedUpgrade(hiddenClock, domains, accept, apply, start);
        var (status, returnedAt, _) = await WaitAsync(hidden, hiddenClock, hidden.Handler(), showsEveryDomain: false);
        return (shown, hidden, status, returnedAt);
    }

    [Fact]
    public async Task ALongAutoUpgradeCostsFewerRequestsThanAOneSecondLoopAndEveryDomainReachesTheProgressBar()
    {
        var clock = new FakeTimeProvider();
        var upgrade = new SimulatedUpgrade(clock, 5, 0, 6.5, 0);

        var (_, returnedAt, seen) = await WaitAsync(upgrade, clock, upgrade.Handler());

        // Progress comes from the same Get Deployment answers that time the wait: no status poll is followed by a deployment read.
        Assert.True(upgrade.Looks.Count < Math.Floor(returnedAt), $"{upgrade.Looks.Count} requests in {returnedAt:0.0} s: {string.Join(" ", upgrade.Trace)}");
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, seen.Where(d => d >= 0).Distinct().ToArray());
        Assert.DoesNotContain(upgrade.Looks.Zip(upgrade.Looks.Skip(1)), pair => pair.First == "status" && pair.Second == "deployment");
    }

    [Fact]
    public async Task AnUpgradeThatStopsBeingPeriodicIsStillNoticedNoLaterThanTheAdaptiveScheduleAllows()
    {
        // Domains of 2 s, then one that takes 20 s (instances slow to start), then 2 s again.
        var clock = new FakeTimeProvider();
        var upgrade = new SimulatedUpgrade(clock, 4, 0, 2, 0);
        double[] starts = { 0, 2, 4, 24 };
        upgrade.DomainAt = t => Array.FindLastIndex(starts, s => s <= t);
        var end = 26.0;
        var handler = new ScriptedHandler
        {
            Otherwise = (request, ct) =>
            {
                bool done = upgrade.Now >= end;
                return Task.FromResult(request.RequestUri!.AbsolutePath.Contains("/operations/", StringComparison.Ordinal)
                    ? ScriptedHandler.Answer(HttpStatusCode.OK, ScriptedHandler.Operation("op1", done ? "Succeeded" : "InProgress"))
                    : ScriptedHandler.Answer(HttpStatusCode.OK, DeploymentXml(done ? null : upgrade.DomainAt(upgrade.Now), 4)));
            },
        };

        var (status, returnedAt, seen) = await WaitAsync(upgrade, clock, handler);

        Assert.Equal(OperationState.Succeeded, status.Status);
        Assert.InRange(returnedAt, end, end * 1.1);
        Assert.Contains(3, seen);
    }

    [Fact]
    public async Task AnUnreadableDeploymentFallsBackToOperationStatusAlone()
    {
        var clock = new FakeTimeProvider();
        var upgrade = new SimulatedUpgrade(clock, 5, 0, 1, 0);
        var requests = new List<string>();
        var handler = new ScriptedHandler
        {
            Otherwise = (request, ct) =>
            {
                bool status = request.RequestUri!.AbsolutePath.Contains("/operations/", StringComparison.Ordinal);
                requests.Add(status ? "status" : "deployment");
                return Task.FromResult(status
                    ? ScriptedHandler.Answer(HttpStatusCode.OK, ScriptedHandler.Operation("op1", upgrade.Now >= upgrade.End ? "Succeeded" : "InProgress"))
                    : ScriptedHandler.Answer(HttpStatusCode.NotFound, ScriptedHandler.Error("ResourceNotFound", "No deployments were found.")));
            },
        };

        var (status, returnedAt, seen) = await WaitAsync(upgrade, clock, handler);

        Assert.Equal(OperationState.Succeeded, status.Status);
        Assert.Equal(1, requests.Count(r => r == "deployment"));
        Assert.Empty(seen);
        Assert.InRange(returnedAt, upgrade.End, upgrade.End + 1.0);
    }

    [Fact]
    public async Task AnOperationThatShowsNoUpdateIsAskedAboutAtOnceAndThenPolledByStatus()
    {
        // A swap or delete: Get Deployment shows no UpgradeStatus, so it tells nothing about the end.
        var clock = new FakeTimeProvider();
        var upgrade = new SimulatedUpgrade(clock, 1, 0, 5, 0);
        var requests = new List<string>();
        var handler = new ScriptedHandler
        {
            Otherwise = (request, ct) =>
            {
                bool status = request.RequestUri!.AbsolutePath.Contains("/operations/", StringComparison.Ordinal);
                requests.Add(status ? "status" : "deployment");
                return Task.FromResult(status
                    ? ScriptedHandler.Answer(HttpStatusCode.OK, ScriptedHandler.Operation("op1", upgrade.Now >= 5 ? "Succeeded" : "InProgress"))
                    : ScriptedHandler.Answer(HttpStatusCode.OK, DeploymentXml(null, 5)));
            },
        };

        var (status, returnedAt, _) = await WaitAsync(upgrade, clock, handler, walksEveryDomain: false);

        Assert.Equal(OperationState.Succeeded, status.Status);
        Assert.Equal(new[] { "deployment", "status", "deployment", "status" }, requests.Take(4));
        Assert.All(requests.Skip(4), r => Assert.Equal("status", r));
        Assert.InRange(returnedAt, 5, 6);
    }

    [Fact]
    public void ForecastNarrowsTheNextDomainsStartFromTwoChanges()
    {
        var forecast = new DomainForecast();
        forecast.Observe(0.0, 0.0, 0);
        forecast.Observe(0.99, 0.99, 0);
        forecast.Observe(1.01, 1.01, 1);
        forecast.Observe(1.99, 1.99, 1);
        forecast.Observe(2.01, 2.01, 2);

        var (earliest, latest) = forecast.StartOf(4)!.Value;

        Assert.InRange(earliest, 3.9, 4.0);
        Assert.InRange(latest, 4.0, 4.1);
    }

    [Fact]
    public void ForecastIsUnboundedBeforeTheFirstChangeAndForgetsLooksThatContradictIt()
    {
        var forecast = new DomainForecast();
        forecast.Observe(0.1, 0.1, 0);
        Assert.True(double.IsPositiveInfinity(forecast.StartOf(1)!.Value.Latest));

        forecast.Observe(1.0, 1.0, 1);
        forecast.Observe(2.0, 2.0, 2);
        forecast.Observe(2.1, 2.1, 4);  // two domains in 0.1 s after 1 s each: not periodic with the older looks

        Assert.NotNull(forecast.StartOf(5));
        Assert.True(forecast.Looks < 4);
    }
}
