using System;
using System.Collections.Generic;

namespace ClassicDeploy.Models
{
    /// <summary>Body of Change Deployment Configuration (seed 002).</summary>
    public sealed class ChangeConfigurationRequest
    {
        /// <summary>The service configuration as XML text; ToXml base64-encodes it.</summary>
        public string Configuration { get; set; } = string.Empty;

        public bool? TreatWarningsAsError { get; set; }

        /// <summary>Auto or Manual; null omits the element.</summary>
        public UpgradeMode? Mode { get; set; }

        public List<ExtendedProperty> ExtendedProperties { get; set; } = new List<ExtendedProperty>();

        public ExtensionConfiguration? ExtensionConfiguration { get; set; }

        public void Validate() => throw new NotImplementedException();

        public string ToXml() => throw new NotImplementedException();
    }
}
