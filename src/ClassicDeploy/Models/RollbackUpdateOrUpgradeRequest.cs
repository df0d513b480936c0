using System;

namespace ClassicDeploy.Models
{
    /// <summary>Body of Rollback Update Or Upgrade (seed 004).</summary>
    public sealed class RollbackUpdateOrUpgradeRequest
    {
        /// <summary>Auto or Manual.</summary>
        public UpgradeMode Mode { get; set; } = UpgradeMode.Auto;

        public bool Force { get; set; }

        public void Validate() => throw new NotImplementedException();

        public string ToXml() => throw new NotImplementedException();
    }
}
