using System;
using System.Collections.Generic;

namespace ClassicDeploy.Models
{
    /// <summary>Body of Create Deployment.</summary>
    public sealed class CreateDeploymentRequest
    {
        public string Name { get; set; } = string.Empty;

        public string PackageUrl { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;

        /// <summary>The service configuration as XML text; ToXml base64-encodes it.</summary>
        public string Configuration { get; set; } = string.Empty;

        public bool? StartDeployment { get; set; }

        public bool? TreatWarningsAsError { get; set; }

        public List<ExtendedProperty> ExtendedProperties { get; set; } = new List<ExtendedProperty>();

        public ExtensionConfiguration? ExtensionConfiguration { get; set; }

        public void Validate() => throw new NotImplementedException();

        public string ToXml() => throw new NotImplementedException();
    }
}
