using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace ClassicDeploy.Tests.Infrastructure;

/// <summary>
/// Everything one script produced, stream by stream: output objects, error records (non-terminating
/// ones and the terminating one, if any, last), progress, verbose and warning records.
/// </summary>
public sealed class ScriptResult
{
    internal ScriptResult(
        IReadOnlyList<PSObject> output,
        IReadOnlyList<ErrorRecord> errors,
        IReadOnlyList<ProgressRecord> progress,
        IReadOnlyList<VerboseRecord> verbose,
        IReadOnlyList<WarningRecord> warnings,
        RuntimeException? terminatingError)
    {
        Output = output;
        Errors = errors;
        Progress = progress;
        Verbose = verbose;
        Warnings = warnings;
        TerminatingError = terminatingError;
    }

    public IReadOnlyList<PSObject> Output { get; }

    /// <summary>Every error record, the terminating one (if the script was stopped by one) last.</summary>
    public IReadOnlyList<ErrorRecord> Errors { get; }

    public IReadOnlyList<ProgressRecord> Progress { get; }

    public IReadOnlyList<VerboseRecord> Verbose { get; }

    public IReadOnlyList<WarningRecord> Warnings { get; }

    /// <summary>The exception that ended the script early, or null when it ran to its end.</summary>
    public RuntimeException? TerminatingError { get; }

    /// <summary>The FullyQualifiedErrorId of each error, e.g. "ClassicDeploy.ConflictError,ClassicDeploy.Cmdlets.StepUpgradeDomainCommand".</summary>
    public IEnumerable<string> ErrorIds => Errors.Select(e => e.FullyQualifiedErrorId);

    /// <summary>One line per error, for assertion messages.</summary>
    public string ErrorText => string.Join(Environment.NewLine, Errors.Select(e => $"{e.FullyQualifiedErrorId} [{e.CategoryInfo.Category}]: {e}"));

    /// <summary>Fails with the errors' text unless the script raised none.</summary>
    public ScriptResult ShouldSucceed()
    {
        if (Errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("The script raised errors:" + Environment.NewLine + ErrorText);
        }

        return this;
    }

    /// <summary>The only output object; fails otherwise.</summary>
    public PSObject Single()
    {
        if (Output.Count != 1)
        {
            throw new Xunit.Sdk.XunitException($"Expected exactly one output object, got {Output.Count}." + Environment.NewLine + ErrorText);
        }

        return Output[0];
    }
}
