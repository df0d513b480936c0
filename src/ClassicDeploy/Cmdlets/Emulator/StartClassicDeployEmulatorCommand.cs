using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using ClassicDeploy.Hosting;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// Start-ClassicDeployEmulator: runs the emulator shipped next to the module as a child process on a
/// free port, waits until it listens, and connects the session to it.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "ClassicDeployEmulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(EmulatorInstance))]
public sealed class StartClassicDeployEmulatorCommand : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

    /// <summary>TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    [Parameter]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    /// <summary>Keep the emulator's state in this directory (it survives a restart); in memory when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DataDirectory { get; set; }

    /// <summary>How long each upgrade domain takes, in seconds.</summary>
    [Parameter]
    [ValidateRange(0.0, 3600.0)]
    public double UpgradeDomainSeconds { get; set; } = -1;

    /// <summary>Upgrade domains per deployment (the emulator's default is 5).</summary>
    [Parameter]
    [ValidateRange(1, 20)]
    public int UpgradeDomainCount { get; set; }

    /// <summary>How long accepting an update or a walk keeps the deployment Locked, in seconds (default: a quarter of an upgrade domain).</summary>
    [Parameter]
    [ValidateRange(0.001, 86400.0)]
    public double AcceptSeconds { get; set; } = -1;

    /// <summary>From an instance's update to ReadyRole, in seconds (default: half an upgrade domain).</summary>
    [Parameter]
    [ValidateRange(0.001, 86400.0)]
    public double InstanceStartSeconds { get; set; } = -1;

    /// <summary>Role-instance start timeout in seconds: an Auto update walks on after it even if instances are not ready (default: ten upgrade domains).</summary>
    [Parameter]
    [ValidateRange(0.001, 864000.0)]
    public double StartTimeoutSeconds { get; set; } = -1;

    /// <summary>
    /// Package URL wildcard (<c>*</c>, <c>?</c>, whole URL, any letter case) to Healthy, Crash, Invalid or Slow,
    /// e.g. <c>@{ '*bad*' = 'Crash' }</c>; use <c>[ordered]@{…}</c> when patterns overlap (the first match wins).
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public System.Collections.IDictionary? PackageBehavior { get; set; }

    /// <summary>Subscription id to connect with; a new GUID when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SubscriptionId { get; set; }

    /// <summary>Folder holding ClassicDeploy.Emulator.dll; defaults to the module's emulator folder.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EmulatorPath { get; set; }

    /// <summary>How long to wait for the emulator to listen: a TimeSpan, or a number of seconds.</summary>
    [Parameter]
    [Seconds]
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Output the started emulator.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        string directory = EmulatorPath != null ? GetUnresolvedProviderPathFromPSPath(EmulatorPath) : EmulatorLauncher.DefaultDirectory(MyInvocation.MyCommand.Module?.ModuleBase);
        string? dataDirectory = DataDirectory != null ? GetUnresolvedProviderPathFromPSPath(DataDirectory) : null;
        string subscriptionId = SubscriptionId ?? Guid.NewGuid().ToString();
        if (!ShouldProcess(dataDirectory ?? "in-memory store", "Start the ClassicDeploy emulator"))
        {
            return;
        }

        List<string> behaviors = PackageBehaviorArguments();
        ProcessStartInfo startInfo;
        try
        {
            startInfo = EmulatorLauncher.CreateStartInfo(directory, Arguments(dataDirectory, behaviors));
        }
        catch (FileNotFoundException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "ClassicDeploy.EmulatorNotFound", ErrorCategory.ObjectNotFound, directory));
            return;
        }

        WriteVerbose($"Starting the emulator: {startInfo.FileName} {startInfo.Arguments}");
        Process process;
        Uri baseAddress;
        try
        {
            (process, baseAddress) = EmulatorLauncher.StartAsync(startInfo, StartupTimeout, _stopping.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception e) when (e is InvalidOperationException || e is TimeoutException || e is System.ComponentModel.Win32Exception)
        {
            var category = e is TimeoutException ? ErrorCategory.OperationTimeout : ErrorCategory.OpenError;
            ThrowTerminatingError(new ErrorRecord(e, "ClassicDeploy.EmulatorStartFailed", category, directory));
            return;
        }

        var instance = new EmulatorInstance(process.Id, baseAddress, subscriptionId, dataDirectory, DateTime.UtcNow);
        EmulatorProcesses.Add(process, instance, RunspaceEmulators.CurrentOwner);
        RunspaceEmulators.StopWhenClosed(Runspace.DefaultRunspace);
        WriteVerbose($"The emulator (process {process.Id}) is listening on {baseAddress}.");
        EmulatorSession.Connect(instance);
        if (PassThru)
        {
            WriteObject(instance);
        }
    }

    private static readonly string[] Behaviors = { "Healthy", "Crash", "Invalid", "Slow" };

    /// <summary>PATTERN=BEHAVIOR per entry, in the dictionary's order; a bad entry stops before the emulator starts.</summary>
    private List<string> PackageBehaviorArguments()
    {
        var arguments = new List<string>();
        if (PackageBehavior == null)
        {
            return arguments;
        }

        foreach (System.Collections.DictionaryEntry entry in PackageBehavior)
        {
            string pattern = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
            string behavior = Convert.ToString(entry.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            string? known = Array.Find(Behaviors, b => string.Equals(b, behavior.Trim(), StringComparison.OrdinalIgnoreCase));
            if (pattern.Length == 0 || known == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"PackageBehavior '{pattern}' = '{behavior}' is not valid: each key is a package URL wildcard and each value Healthy, Crash, Invalid or Slow."),
                    "ClassicDeploy.InvalidPackageBehavior",
                    ErrorCategory.InvalidArgument,
                    PackageBehavior));
            }

            arguments.Add(pattern + "=" + known);
        }

        return arguments;
    }

    private IEnumerable<string> Arguments(string? dataDirectory, List<string> behaviors)
    {
        yield return "--port";
        yield return Port.ToString(CultureInfo.InvariantCulture);

        // Its own session (Ctrl+C in this terminal does not reach it), and it ends when this process does, even after kill -9.
        yield return "--parent-pid";
        using (Process self = Process.GetCurrentProcess())
        {
            yield return self.Id.ToString(CultureInfo.InvariantCulture);
        }

        if (dataDirectory != null)
        {
            yield return "--data-dir";
            yield return dataDirectory;
        }
        else
        {
            yield return "--in-memory";
        }

        if (UpgradeDomainSeconds >= 0)
        {
            yield return "--upgrade-domain-seconds";
            yield return UpgradeDomainSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        }

        if (UpgradeDomainCount > 0)
        {
            yield return "--upgrade-domain-count";
            yield return UpgradeDomainCount.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (flag, seconds) in new[] { ("--accept-seconds", AcceptSeconds), ("--instance-start-seconds", InstanceStartSeconds), ("--start-timeout-seconds", StartTimeoutSeconds) })
        {
            if (seconds > 0)
            {
                yield return flag;
                yield return seconds.ToString("0.######", CultureInfo.InvariantCulture);
            }
        }

        foreach (string behavior in behaviors)
        {
            yield return "--package-behavior";
            yield return behavior;
        }
    }
}
