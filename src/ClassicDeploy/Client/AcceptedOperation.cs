namespace ClassicDeploy.Client;

/// <summary>A mutation the service accepted: its x-ms-request-id is the operation id.</summary>
public sealed class AcceptedOperation
{
    public string RequestId { get; set; } = string.Empty;

    public int HttpStatusCode { get; set; }
}
