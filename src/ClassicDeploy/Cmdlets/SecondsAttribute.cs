using System;
using System.Globalization;
using System.Management.Automation;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Lets -Timeout take a number of seconds (-Timeout 90) as well as a TimeSpan or its text
/// (-Timeout 00:01:30). Without it PowerShell would read 90 as 90 ticks. Anything else is left
/// to PowerShell's own conversion, and its error.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class SecondsAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case int _:
            case long _:
            case short _:
            case byte _:
            case double _:
            case float _:
            case decimal _:
                return TimeSpan.FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            default:
                return inputData;
        }
    }
}
