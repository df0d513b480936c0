using System;
using ClassicDeploy.Hosting;

namespace ClassicDeploy.Cmdlets;

/// <summary>An emulator process started by Start-ClassicDeployEmulator (its -PassThru output).</summary>
/// <remarks>Kept in the ClassicDeploy.Cmdlets namespace: users, help and the format views know the output type by that name.</remarks>
public sealed class EmulatorInstance
{
    internal EmulatorInstance(int processId, Uri endpoint, string subscriptionId, string? dataDirectory, DateTime startTime)
    {
        ProcessId = processId;
        Endpoint = endpoint;
        SubscriptionId = subscriptionId;
        DataDirectory = dataDirectory;
        StartTime = startTime;
    }

    /// <summary>Process id of the emulator child process.</summary>
    public int ProcessId { get; }

    /// <summary>Base address the emulator listens on; the subscription id goes after it.</summary>
    public Uri Endpoint { get; }

    /// <summary>The subscription id the session was connected with.</summary>
    public string SubscriptionId { get; }

    /// <summary>Directory of the durable store, or null for an in-memory emulator.</summary>
    public string? DataDirectory { get; }

    /// <summary>When the emulator was started (UTC).</summary>
    public DateTime StartTime { get; }

    /// <summary>True once the emulator process has ended.</summary>
    public bool HasExited => EmulatorProcesses.HasExited(ProcessId);

    /// <inheritdoc />
    public override string ToString() => Endpoint.ToString();
}
