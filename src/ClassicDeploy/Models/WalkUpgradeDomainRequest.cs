using System;

namespace ClassicDeploy.Models;

/// <summary>Body of Walk Upgrade Domain (docs/PROTOCOL.md, Request bodies).</summary>
public sealed class WalkUpgradeDomainRequest
{
    public int UpgradeDomain { get; set; }

    /// <summary>Throws RequestValidationException when UpgradeDomain is negative.</summary>
    public void Validate()
    {
        if (UpgradeDomain < 0)
        {
            throw RequestRules.Fail(nameof(UpgradeDomain), "UpgradeDomain must be 0 or more; it is " + UpgradeDomain.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        }
    }
}
