using System;
using System.Globalization;
using ClassicDeploy.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace ClassicDeploy.Emulator.Wire;

/// <summary>One parser per request body, elements in docs/PROTOCOL.md's order; output is the engine's command with decoded text.</summary>
internal static class RequestParsers
{
    public static CreateHostedServiceCommand CreateHostedService(byte[] body, string version)
    {
        using var reader = XmlRequestReader.Open(body, "CreateHostedService");
        var serviceName = reader.Required("ServiceName").Trim();
        var label = RequestRules.ParseLabel(reader.Required("Label"));
        var description = reader.Optional("Description");
        var location = reader.Optional("Location");
        var affinityGroup = reader.Optional("AffinityGroup");
        var properties = RequestRules.ReadExtendedProperties(reader, version);
        reader.Leave();

        if (!Names.IsServiceName(serviceName))
        {
            throw Errors.BadRequest(
                $"The hosted service name '{serviceName}' is not valid: use 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.");
        }

        if (description is not null && description.Length > RequestRules.MaxDescription)
        {
            throw Errors.BadRequest($"The description is longer than {RequestRules.MaxDescription} characters.");
        }

        if (!string.IsNullOrEmpty(location) && !string.IsNullOrEmpty(affinityGroup))
        {
            throw Errors.BadRequest("Specify either Location or AffinityGroup, not both.");
        }

        return new CreateHostedServiceCommand(serviceName, label, Blank(description), Blank(location), Blank(affinityGroup), properties);
    }

    public static CreateDeploymentCommand CreateDeployment(byte[] body, string version)
    {
        using var reader = XmlRequestReader.Open(body, "CreateDeployment");
        var name = reader.Required("Name").Trim();
        var packageUrl = RequestRules.ParsePackageUrl(reader.Required("PackageUrl"));
        var label = RequestRules.ParseLabel(reader.Required("Label"));
        var configuration = RequestRules.ParseConfiguration(reader.Required("Configuration"));
        var start = reader.Optional("StartDeployment");
        var treatWarnings = reader.Optional("TreatWarningsAsError");
        var properties = RequestRules.ReadExtendedProperties(reader, version);
        RequestRules.ReadExtensionConfiguration(reader, version);
        reader.Leave();

        if (!Names.IsDeploymentName(name))
        {
            throw Errors.BadRequest(
                $"The deployment name '{name}' is not valid: use 1 to 100 letters, digits, hyphens, underscores and periods, starting with a letter or digit.");
        }

        return new CreateDeploymentCommand(
            name,
            packageUrl,
            label,
            configuration,
            start is not null && XmlRequestReader.ParseBoolean("StartDeployment", start),
            treatWarnings is not null && XmlRequestReader.ParseBoolean("TreatWarningsAsError", treatWarnings),
            properties);
    }

    public static UpgradeDeploymentCommand UpgradeDeployment(byte[] body, string version)
    {
        using var reader = XmlRequestReader.Open(body, "UpgradeDeployment");
        var modeText = reader.Optional("Mode");
        var packageUrl = RequestRules.ParsePackageUrl(reader.Required("PackageUrl"));
        var configuration = RequestRules.ParseConfiguration(reader.Required("Configuration"));
        var label = RequestRules.ParseLabel(reader.Required("Label"));
        var roleToUpgrade = reader.Optional("RoleToUpgrade");
        var forceText = ApiVersions.AtLeast(version, ApiVersions.Force) ? reader.Required("Force") : reader.Optional("Force");
        var properties = RequestRules.ReadExtendedProperties(reader, version);
        RequestRules.ReadExtensionConfiguration(reader, version);
        reader.Leave();

        var force = false;
        if (forceText is not null)
        {
            ApiVersions.Require(version, ApiVersions.Force, "Force");
            force = XmlRequestReader.ParseBoolean("Force", forceText);
        }

        var mode = modeText is null ? UpgradeMode.Auto : RequestRules.ParseMode(modeText, version, true, "Upgrade Deployment");
        return new UpgradeDeploymentCommand(mode, packageUrl, configuration, label, Blank(roleToUpgrade?.Trim()), force, properties);
    }

    public static ChangeConfigurationCommand ChangeConfiguration(byte[] body, string version)
    {
        using var reader = XmlRequestReader.Open(body, "ChangeConfiguration");
        var configuration = RequestRules.ParseConfiguration(reader.Required("Configuration"));
        var treatWarnings = reader.Optional("TreatWarningsAsError");
        var modeText = reader.Optional("Mode");
        var properties = RequestRules.ReadExtendedProperties(reader, version);
        RequestRules.ReadExtensionConfiguration(reader, version);
        reader.Leave();

        var treat = false;
        if (treatWarnings is not null)
        {
            ApiVersions.Require(version, ApiVersions.TreatWarningsAsError, "TreatWarningsAsError");
            treat = XmlRequestReader.ParseBoolean("TreatWarningsAsError", treatWarnings);
        }

        var mode = UpgradeMode.Auto;
        if (modeText is not null)
        {
            ApiVersions.Require(version, ApiVersions.ConfigurationMode, "Mode");
            mode = RequestRules.ParseMode(modeText, version, false, "Change Deployment Configuration");
        }

        return new ChangeConfigurationCommand(configuration, treat, mode, properties);
    }

    public static int WalkUpgradeDomain(byte[] body)
    {
        using var reader = XmlRequestReader.Open(body, "WalkUpgradeDomain");
        var domain = XmlRequestReader.ParseInt("UpgradeDomain", reader.Required("UpgradeDomain"));
        reader.Leave();
        if (domain < 0)
        {
            throw Errors.BadRequest("The upgrade domain must be zero or greater.");
        }

        return domain;
    }

    public static SwapCommand Swap(byte[] body)
    {
        using var reader = XmlRequestReader.Open(body, "Swap");
        var production = reader.Optional("Production");
        var source = reader.Required("SourceDeployment").Trim();
        reader.Leave();
        if (source.Length == 0)
        {
            throw Errors.BadRequest("SourceDeployment must name the staging deployment.");
        }

        return new SwapCommand(Blank(production?.Trim()), source);
    }

    public static RollbackCommand Rollback(byte[] body, string version)
    {
        ApiVersions.Require(version, ApiVersions.Rollback, "RollbackUpdateOrUpgrade");
        using var reader = XmlRequestReader.Open(body, "RollbackUpdateOrUpgrade");
        var modeText = reader.Required("Mode");
        var forceText = reader.Required("Force");
        reader.Leave();
        var mode = RequestRules.ParseMode(modeText, version, false, "Rollback Update Or Upgrade");
        return new RollbackCommand(mode, XmlRequestReader.ParseBoolean("Force", forceText));
    }

    /// <summary>
    /// The query of List Subscription Operations: StartTime and EndTime (UTC, a date or a date and time
    /// ending in Z) required, ObjectIdFilter (the path or URL of a GET on the object), OperationResultFilter
    /// (Succeeded, Failed or InProgress) and ContinuationToken optional.
    /// </summary>
    public static SubscriptionOperationQuery SubscriptionOperationQuery(IQueryCollection query)
    {
        var start = Time(query, "StartTime");
        var end = Time(query, "EndTime");
        if (end < start)
        {
            throw Errors.BadRequest("EndTime is earlier than StartTime.");
        }

        string? objectId = Blank(query["ObjectIdFilter"].ToString().Trim());
        if (objectId is not null && Uri.TryCreate(objectId, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            objectId = uri.AbsolutePath;
        }

        string? status = Blank(query["OperationResultFilter"].ToString().Trim());
        if (status is not null)
        {
            status = status.ToLowerInvariant() switch
            {
                "succeeded" => "Succeeded",
                "failed" => "Failed",
                "inprogress" => "InProgress",
                _ => throw Errors.BadRequest("The value of OperationResultFilter is not valid. Valid values are Succeeded, Failed and InProgress."),
            };
        }

        return new SubscriptionOperationQuery(start, end, objectId, status, Blank(query["ContinuationToken"].ToString()));
    }

    private static readonly string[] TimeFormats =
    {
        "yyyy'-'MM'-'dd", "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'FFFFFFF'Z'",
    };

    private static DateTimeOffset Time(IQueryCollection query, string name)
    {
        var text = query[name].ToString().Trim();
        if (text.Length == 0)
        {
            throw Errors.BadRequest($"The query parameter {name} is required.");
        }

        if (!DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw Errors.BadRequest($"The value of {name} is not a valid UTC time such as 2011-03-01T16:30:00Z.");
        }

        return time;
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
