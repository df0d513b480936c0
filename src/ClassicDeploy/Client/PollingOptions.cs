using System;

namespace ClassicDeploy.Client;

/// <summary>
/// Adaptive polling of Get Operation Status. The interval starts at <see cref="InitialInterval"/>
/// and grows by <see cref="BackoffFactor"/> to <see cref="SteadyInterval"/>, so short operations
/// (a swap, one upgrade domain) are noticed quickly. Past that it grows only as far as
/// <see cref="LatenessFraction"/> of the time already waited, up to <see cref="MaxInterval"/>:
/// a wait never returns much more than that fraction late, and a long upgrade is polled less
/// than once a second.
/// </summary>
public sealed class PollingOptions
{
    /// <summary>The first poll's delay after the request was accepted.</summary>
    public TimeSpan InitialInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The interval the fast start backs off to.</summary>
    public TimeSpan SteadyInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Beyond <see cref="SteadyInterval"/>, an interval is at most this fraction of the time waited so far.</summary>
    public double LatenessFraction { get; set; } = 0.1;

    /// <summary>No interval is longer than this.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Each interval is the previous one times this factor, within the bounds above.</summary>
    public double BackoffFactor { get; set; } = 1.5;

    /// <summary>
    /// While an Auto update's last upgrade domain may end (as forecast from the domain changes Get Deployment
    /// showed), it is looked at every this fraction of the time waited so far: the wait returns at most that
    /// fraction late.
    /// </summary>
    public double ForecastLatenessFraction { get; set; } = 0.025;

    /// <summary>How long a wait lasts at most before it gives up with a TimeoutException.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);
}
