using System;
using System.Management.Automation;

namespace ClassicDeploy.Cmdlets;

/// <summary>A failure the cmdlets detect themselves (no upgrade in progress, rollback not allowed…), with its stable error id.</summary>
public sealed class ClassicDeployException : InvalidOperationException
{
    /// <summary>Creates the exception; <paramref name="errorId"/> is the part after "ClassicDeploy.".</summary>
    public ClassicDeployException(string errorId, ErrorCategory category, string message)
        : base(message)
    {
        ErrorId = errorId;
        Category = category;
    }

    /// <summary>Creates the exception with the failure that caused it.</summary>
    public ClassicDeployException(string errorId, ErrorCategory category, string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Category = category;
    }

    /// <summary>The error id without the "ClassicDeploy." prefix, e.g. "RollbackNotAllowed".</summary>
    public string ErrorId { get; }

    /// <summary>The category of the error record.</summary>
    public ErrorCategory Category { get; }
}

/// <summary>Carries an error record out of the async core that must stop the whole command (a confirmation this host cannot ask).</summary>
internal sealed class ClassicDeployTerminatingException : Exception
{
    public ClassicDeployTerminatingException(ErrorRecord errorRecord)
        : base(errorRecord.Exception.Message, errorRecord.Exception)
    {
        ErrorRecord = errorRecord;
    }

    public ErrorRecord ErrorRecord { get; }
}
