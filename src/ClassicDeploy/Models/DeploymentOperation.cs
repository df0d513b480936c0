using System;

namespace ClassicDeploy.Models
{
    /// <summary>The cmdlets' output for every mutation; Wait-/Get-DeploymentOperation bind RequestId from it.</summary>
    public sealed class DeploymentOperation
    {
        public string RequestId { get; set; } = string.Empty;

        /// <summary>The API operation, e.g. "Upgrade Deployment" or "Walk Upgrade Domain".</summary>
        public string Operation { get; set; } = string.Empty;

        public string ServiceName { get; set; } = string.Empty;

        public DeploymentSlot? Slot { get; set; }

        public string? DeploymentName { get; set; }

        public OperationState Status { get; set; }

        public int? HttpStatusCode { get; set; }

        public string? ErrorCode { get; set; }

        public string? ErrorMessage { get; set; }

        public DateTime StartTime { get; set; }

        public DateTime? EndTime { get; set; }
    }
}
