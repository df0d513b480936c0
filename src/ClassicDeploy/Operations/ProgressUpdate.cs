namespace ClassicDeploy.Operations;

/// <summary>One progress report, free of PowerShell types; the cmdlet base turns it into a ProgressRecord.</summary>
internal sealed class ProgressUpdate
{
    public ProgressUpdate(int activityId, string activity, string status, int percentComplete, bool completed = false)
    {
        ActivityId = activityId;
        Activity = activity;
        Status = status;
        PercentComplete = percentComplete;
        Completed = completed;
    }

    /// <summary>Stable per deployment, so parallel deployments get distinct bars.</summary>
    public int ActivityId { get; }

    public string Activity { get; }

    public string Status { get; }

    /// <summary>0..100, or -1 when unknown.</summary>
    public int PercentComplete { get; }

    /// <summary>The record that removes the bar.</summary>
    public bool Completed { get; }
}
