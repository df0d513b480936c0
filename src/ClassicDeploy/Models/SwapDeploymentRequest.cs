using System;

namespace ClassicDeploy.Models;

/// <summary>Body of Swap Deployment (docs/PROTOCOL.md, Request bodies).</summary>
public sealed class SwapDeploymentRequest
{
    /// <summary>The current production deployment's name; null when production is empty.</summary>
    public string? Production { get; set; }

    /// <summary>The current staging deployment's name.</summary>
    public string SourceDeployment { get; set; } = string.Empty;

    /// <summary>Throws RequestValidationException when SourceDeployment is missing or a name cannot be written.</summary>
    public void Validate()
    {
        RequestRules.XmlText(Production, nameof(Production));
        if (Production != null && Production.IndexOf('/') >= 0)
        {
            throw RequestRules.Fail(nameof(Production), "Production must not contain '/'.");
        }

        RequestRules.Required(SourceDeployment, nameof(SourceDeployment));
        if (SourceDeployment.IndexOf('/') >= 0)
        {
            throw RequestRules.Fail(nameof(SourceDeployment), "SourceDeployment must not contain '/'.");
        }
    }
}
