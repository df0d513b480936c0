using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Models;

namespace ClassicDeploy.Client
{
    /// <summary>The Service Management REST API over one HttpClient, with safe retries and adaptive polling.</summary>
    public sealed class ServiceManagementClient : IDisposable
    {
        public ServiceManagementClient(ServiceManagementClientOptions options)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
        }

        public ServiceManagementClientOptions Options { get; }

        public Task<IReadOnlyList<CloudService>> ListHostedServicesAsync(CancellationToken ct) => throw new NotImplementedException();

        public Task<CloudService> GetHostedServiceAsync(string serviceName, bool embedDetail, CancellationToken ct) => throw new NotImplementedException();

        public Task<AcceptedOperation> CreateHostedServiceAsync(CreateHostedServiceRequest request, CancellationToken ct) => throw new NotImplementedException();

        public Task<Deployment> GetDeploymentAsync(DeploymentTarget target, CancellationToken ct) => throw new NotImplementedException();

        public Task<AcceptedOperation> CreateDeploymentAsync(string serviceName, DeploymentSlot slot, CreateDeploymentRequest request, CancellationToken ct) => throw new NotImplementedException();

        public Task<AcceptedOperation> DeleteDeploymentAsync(DeploymentTarget target, CancellationToken ct) => throw new NotImplementedException();

        public Task<AcceptedOperation> UpgradeDeploymentAsync(DeploymentTarget target, UpgradeDeploymentRequest request, CancellationToken ct) => throw new NotImplementedException();

        public Task<AcceptedOperation> WalkUpgradeDomainAsync(DeploymentTarget target, WalkUpgradeDomainRequest request, CancellationToken ct) => throw new NotImplementedException();

        public Task<AcceptedOperation> ChangeConfigurationAsync(DeploymentTarget target, ChangeConfigurationRequest request, CancellationToken ct) => throw new NotImplementedException();

        public Task<AcceptedOperation> SwapDeploymentAsync(string serviceName, SwapDeploymentRequest request, CancellationToken ct) => throw new NotImplementedException();

        public Task<AcceptedOperation> RollbackUpdateOrUpgradeAsync(DeploymentTarget target, RollbackUpdateOrUpgradeRequest request, CancellationToken ct) => throw new NotImplementedException();

        public Task<OperationStatus> GetOperationStatusAsync(string requestId, CancellationToken ct) => throw new NotImplementedException();

        /// <summary>Polls until Succeeded or Failed (returned, never thrown); TimeoutException after the timeout.</summary>
        public Task<OperationStatus> WaitForOperationAsync(string requestId, Func<OperationStatus, CancellationToken, Task>? onPoll, TimeSpan? timeout, CancellationToken ct) => throw new NotImplementedException();

        public void Dispose()
        {
        }
    }
}
