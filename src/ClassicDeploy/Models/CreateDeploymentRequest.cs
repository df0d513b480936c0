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

        /// <summary>Throws RequestValidationException naming the first property the service would reject.</summary>
        public void Validate()
        {
            RequestRules.Name(Name, nameof(Name));
            RequestRules.PackageUrl(PackageUrl);
            RequestRules.Label(Label);
            RequestRules.Configuration(Configuration);
            RequestRules.ExtendedProperties(ExtendedProperties);
            RequestRules.ExtensionConfiguration(ExtensionConfiguration);
        }

        /// <summary>Validates, then writes the body.</summary>
        public string ToXml()
        {
            Validate();
            using (var body = new XmlBody("CreateDeployment"))
            {
                return body
                    .Element("Name", Name, nameof(Name))
                    .Element("PackageUrl", PackageUrl, nameof(PackageUrl))
                    .Element("Label", XmlBody.Base64(Label), nameof(Label))
                    .Element("Configuration", XmlBody.Base64(Configuration), nameof(Configuration))
                    .Element("StartDeployment", StartDeployment)
                    .Element("TreatWarningsAsError", TreatWarningsAsError)
                    .ExtendedProperties(ExtendedProperties)
                    .ExtensionConfiguration(ExtensionConfiguration)
                    .Finish();
            }
        }
    }
}
