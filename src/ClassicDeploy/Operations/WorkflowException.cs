using System;

namespace ClassicDeploy.Operations;

/// <summary>What a workflow finds wrong by itself, mapped to an error category by the cmdlets.</summary>
internal enum WorkflowFailure
{
    /// <summary>The deployment is not in a state that allows the request (no update in progress…).</summary>
    InvalidOperation,

    /// <summary>Something the request needs is not there (no staging deployment to swap).</summary>
    ObjectNotFound,

    /// <summary>The operation ran and failed.</summary>
    InvalidResult,
}

/// <summary>A failure a workflow detects itself, with its stable error id (the part after "ClassicDeploy.").</summary>
internal sealed class WorkflowException : InvalidOperationException
{
    public WorkflowException(string errorId, WorkflowFailure failure, string message)
        : base(message)
    {
        ErrorId = errorId;
        Failure = failure;
    }

    /// <summary>E.g. "RollbackNotAllowed".</summary>
    public string ErrorId { get; }

    public WorkflowFailure Failure { get; }
}
