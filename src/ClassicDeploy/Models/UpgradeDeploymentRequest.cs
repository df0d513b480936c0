using System;
using System.Collections.Generic;

namespace ClassicDeploy.Models
{
    /// <summary>Body of Upgrade Deployment (seed 001).</summary>
    public sealed class UpgradeDeploymentRequest
    {
        public UpgradeMode Mode { get; set; } = UpgradeMode.Auto;

        public string PackageUrl { get; set; } = string.Empty;

        /// <summary>The service configuration as XML text; ToXml base64-encodes it.</summary>
        public string Configuration { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;

        public string? RoleToUpgrade { get; set; }

        public bool Force { get; set; }

        public List<ExtendedProperty> ExtendedProperties { get; set; } = new List<ExtendedProperty>();

        public ExtensionConfiguration? ExtensionConfiguration { get; set; }

        public void Validate() => throw new NotImplementedException();

        public string ToXml() => throw new NotImplementedException();
    }
}
