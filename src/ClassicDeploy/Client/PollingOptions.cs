using System;

namespace ClassicDeploy.Client
{
    /// <summary>Adaptive polling of Get Operation Status.</summary>
    public sealed class PollingOptions
    {
        public TimeSpan InitialInterval { get; set; } = TimeSpan.FromMilliseconds(100);

        public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(1);

        public double BackoffFactor { get; set; } = 1.5;

        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);
    }
}
