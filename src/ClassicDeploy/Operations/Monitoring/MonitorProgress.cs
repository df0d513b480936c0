namespace ClassicDeploy.Operations.Monitoring;

/// <summary>
/// The one progress bar of a monitored upgrade, its status naming the stage: "walking domain 2 of 5",
/// "domain 2 of 5: 3 of 4 instances ready", "domain 2 of 5: health check 2 of 3 passed", "rolling back".
/// Each domain is three parts of the bar: walk, instances ready, healthy.
/// </summary>
internal sealed class MonitorProgress
{
    private readonly DeploymentProgress _bar;

    public MonitorProgress(Client.DeploymentTarget target, IOperationSink sink) => _bar = new DeploymentProgress("Upgrading", target, sink);

    public void Describe(Models.Deployment deployment) => _bar.Describe(deployment);

    /// <summary>Reports <paramref name="status"/> at <paramref name="part"/> (0 walk, 1 ready, 2 checks) of domain <paramref name="domain"/> of <paramref name="count"/>.</summary>
    public void Stage(string status, int domain, int count, int part)
    {
        int total = System.Math.Max(1, count) * 3;
        _bar.Status(status, System.Math.Min(99, ((domain * 3) + part) * 100 / total));
    }

    public void Complete() => _bar.Complete();
}
