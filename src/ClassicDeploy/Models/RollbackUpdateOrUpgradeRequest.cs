using System;

namespace ClassicDeploy.Models;

/// <summary>Body of Rollback Update Or Upgrade (docs/PROTOCOL.md, Request bodies).</summary>
public sealed class RollbackUpdateOrUpgradeRequest
{
    /// <summary>Auto or Manual.</summary>
    public UpgradeMode Mode { get; set; } = UpgradeMode.Auto;

    public bool Force { get; set; }

    /// <summary>Throws RequestValidationException unless Mode is Auto or Manual.</summary>
    public void Validate() => RequestRules.Mode(Mode, simultaneousAllowed: false, "Rollback Update Or Upgrade");
}
