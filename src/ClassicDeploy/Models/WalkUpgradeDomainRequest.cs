using System;

namespace ClassicDeploy.Models
{
    /// <summary>Body of Walk Upgrade Domain (seed 000).</summary>
    public sealed class WalkUpgradeDomainRequest
    {
        public int UpgradeDomain { get; set; }

        public void Validate() => throw new NotImplementedException();

        public string ToXml() => throw new NotImplementedException();
    }
}
