using System;
using System.Collections.Generic;
using ClassicDeploy.Emulator.State;

namespace ClassicDeploy.Emulator.Wire;

/// <summary>The dated x-ms-version values the real service accepted, and the minimum version of each gated element.</summary>
internal static class ApiVersions
{
    public const string Force = "2011-10-01";
    public const string ExtendedProperties = "2012-03-01";
    public const string Simultaneous = "2012-12-01";
    public const string ExtensionConfiguration = "2013-03-01";
    public const string ExtensionState = "2014-06-01";
    public const string Rollback = "2011-10-01";
    public const string TreatWarningsAsError = "2011-04-01";
    public const string ConfigurationMode = "2011-08-01";

    /// <summary>Responses: the Instance* elements, UpgradeDomainCount and SdkVersion.</summary>
    public const string InstanceDetails = "2011-06-01";

    /// <summary>Responses: Locked and RollbackAllowed.</summary>
    public const string LockedAndRollbackAllowed = "2011-10-01";

    /// <summary>Responses: VirtualIPs of a deployment.</summary>
    public const string VirtualIPs = "2012-03-01";

    public const string Latest = "2017-01-01";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "2009-10-01", "2010-04-01", "2010-10-28", "2011-02-25", "2011-04-01", "2011-06-01",
        "2011-08-01", "2011-10-01", "2011-11-01", "2012-03-01", "2012-08-01", "2012-12-01",
        "2013-03-01", "2013-06-01", "2013-08-01", "2013-10-01", "2013-11-01", "2014-02-01",
        "2014-04-01", "2014-05-01", "2014-06-01", "2014-10-01", "2015-04-01", "2015-10-01",
        "2016-03-01", "2016-06-01", "2017-01-01",
    };

    public static bool IsKnown(string? version) => version is not null && Known.Contains(version);

    /// <summary>Dated versions compare as strings.</summary>
    public static bool AtLeast(string version, string minimum) => string.CompareOrdinal(version, minimum) >= 0;

    /// <summary>400 BadRequest when <paramref name="element"/> is newer than the request's version.</summary>
    public static void Require(string version, string minimum, string element)
    {
        if (!AtLeast(version, minimum))
        {
            throw Errors.BadRequest(
                $"The element {element} requires x-ms-version {minimum} or later; the request uses {version}.");
        }
    }
}
