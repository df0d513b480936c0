using System;
using System.Collections.Generic;
using ClassicDeploy.Emulator.Store;

namespace ClassicDeploy.Emulator.State;

public sealed class ManagementEngine : IDisposable
{
    public ManagementEngine(IStateStore store, TimeProvider clock, EngineOptions options)
    {
        throw new NotImplementedException();
    }

    public IReadOnlyList<HostedServiceView> ListHostedServices(string subscriptionId) => throw new NotImplementedException();

    public HostedServiceView GetHostedService(string subscriptionId, string serviceName) => throw new NotImplementedException();

    public DeploymentView GetDeployment(string subscriptionId, string serviceName, DeploymentRef target) => throw new NotImplementedException();

    public OperationView GetOperation(string subscriptionId, string requestId) => throw new NotImplementedException();

    public void CreateHostedService(string subscriptionId, CreateHostedServiceCommand command) => throw new NotImplementedException();

    public void DeleteHostedService(string subscriptionId, string serviceName) => throw new NotImplementedException();

    public void CreateDeployment(string subscriptionId, string serviceName, DeploymentSlotName slot, CreateDeploymentCommand command, string requestId) => throw new NotImplementedException();

    public void DeleteDeployment(string subscriptionId, string serviceName, DeploymentRef target, string requestId) => throw new NotImplementedException();

    public void UpgradeDeployment(string subscriptionId, string serviceName, DeploymentRef target, UpgradeDeploymentCommand command, string requestId) => throw new NotImplementedException();

    public void WalkUpgradeDomain(string subscriptionId, string serviceName, DeploymentRef target, int upgradeDomain, string requestId) => throw new NotImplementedException();

    public void ChangeConfiguration(string subscriptionId, string serviceName, DeploymentRef target, ChangeConfigurationCommand command, string requestId) => throw new NotImplementedException();

    public void SwapDeployment(string subscriptionId, string serviceName, SwapCommand command, string requestId) => throw new NotImplementedException();

    public void RollbackUpdateOrUpgrade(string subscriptionId, string serviceName, DeploymentRef target, RollbackCommand command, string requestId) => throw new NotImplementedException();

    public void Advance() => throw new NotImplementedException();

    public void Dispose()
    {
    }
}
