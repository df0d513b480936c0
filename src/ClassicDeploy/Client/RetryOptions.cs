using System;

namespace ClassicDeploy.Client;

/// <summary>How transient failures are retried (only where a retry cannot duplicate a mutation).</summary>
public sealed class RetryOptions
{
    public int MaxRetries { get; set; } = 4;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound on a server's Retry-After delay (tests make it tiny).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
