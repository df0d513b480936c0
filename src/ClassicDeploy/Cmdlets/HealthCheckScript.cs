using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using ClassicDeploy.Operations;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Runs a -HealthCheck script block on the pipeline thread: the fresh Deployment as $args[0] and $_,
/// the upgrade domain as $args[1]. Healthy when its last output is a true value and it does not
/// throw; a false value, no output, or an error is unhealthy, the error's text the reason.
/// </summary>
internal static class HealthCheckScript
{
    public static HealthVerdict Run(ScriptBlock script, HealthCheck check)
    {
        Collection<PSObject> output;
        try
        {
            output = script.InvokeWithContext(
                null,
                new List<PSVariable> { new PSVariable("_", check.Deployment) },
                check.Deployment,
                check.UpgradeDomain);
        }
        catch (RuntimeException error) when (!(error is PipelineStoppedException))
        {
            return HealthVerdict.Unhealthy("the health check failed: " + (error.ErrorRecord?.ToString() ?? error.Message));
        }

        if (output.Count == 0)
        {
            return HealthVerdict.Unhealthy("the health check returned nothing");
        }

        object? last = output.Last()?.BaseObject;
        return LanguagePrimitives.IsTrue(last)
            ? HealthVerdict.Healthy
            : HealthVerdict.Unhealthy("the health check returned " + (last is null ? "$null" : last is bool ? "$false" : "'" + Text(last) + "'"));
    }

    private static string Text(object value)
    {
        string text = value.ToString() ?? string.Empty;
        return text.Length > 200 ? text.Substring(0, 200) + "…" : text;
    }
}
