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

        /// <summary>Throws RequestValidationException naming the first property the service would reject.</summary>
        public void Validate()
        {
            RequestRules.Configuration(Configuration);
            if (Mode.HasValue)
            {
                RequestRules.Mode(Mode.Value, simultaneousAllowed: false, "Change Deployment Configuration");
            }

            RequestRules.ExtendedProperties(ExtendedProperties);
            RequestRules.ExtensionConfiguration(ExtensionConfiguration);
        }

        /// <summary>Validates, then writes the body in the seed's element order.</summary>
        public string ToXml()
        {
            Validate();
            using (var body = new XmlBody("ChangeConfiguration"))
            {
                return body
                    .Element("Configuration", XmlBody.Base64(Configuration), nameof(Configuration))
                    .Element("TreatWarningsAsError", TreatWarningsAsError)
                    .Element("Mode", Mode?.ToString(), nameof(Mode))
                    .ExtendedProperties(ExtendedProperties)
                    .ExtensionConfiguration(ExtensionConfiguration)
                    .Finish();
            }
        }
    }
}
