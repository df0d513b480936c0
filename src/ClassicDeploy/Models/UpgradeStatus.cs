namespace ClassicDeploy.Models
{
    /// <summary>The in-progress update of a deployment.</summary>
    public sealed class UpgradeStatus
    {
        public UpgradeMode UpgradeType { get; set; }

        /// <summary>Before or During.</summary>
        public string CurrentUpgradeDomainState { get; set; } = string.Empty;

        public int CurrentUpgradeDomain { get; set; }
    }
}
