namespace ClassicDeploy.Models;

/// <summary>The answer of Get Operation Status.</summary>
public sealed class OperationStatus
{
    public string Id { get; set; } = string.Empty;

    public OperationState Status { get; set; }

    /// <summary>Present once the operation has finished.</summary>
    public int? HttpStatusCode { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }
}
