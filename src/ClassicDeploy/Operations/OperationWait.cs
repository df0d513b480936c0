using System;

namespace ClassicDeploy.Operations;

/// <summary>Whether a mutation waits for its operation to end (-Wait), and how long at most (-Timeout).</summary>
internal readonly struct OperationWait
{
    public OperationWait(bool wait, TimeSpan? timeout)
    {
        Wait = wait;
        Timeout = timeout;
    }

    /// <summary>Return once the request is accepted.</summary>
    public static OperationWait None => default;

    public bool Wait { get; }

    public TimeSpan? Timeout { get; }
}
