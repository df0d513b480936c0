using System;

namespace ClassicDeploy.Models
{
    /// <summary>Body of Swap Deployment (seed 003).</summary>
    public sealed class SwapDeploymentRequest
    {
        /// <summary>The current production deployment's name; null when production is empty.</summary>
        public string? Production { get; set; }

        /// <summary>The current staging deployment's name.</summary>
        public string SourceDeployment { get; set; } = string.Empty;

        public void Validate() => throw new NotImplementedException();

        public string ToXml() => throw new NotImplementedException();
    }
}
