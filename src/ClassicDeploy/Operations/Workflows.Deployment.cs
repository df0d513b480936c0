using System;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;
using ClassicDeploy.Wire;

namespace ClassicDeploy.Operations;

/// <summary>The one-request mutations: Create Hosted Service, Create/Delete Deployment, Upgrade Deployment, Change Deployment Configuration.</summary>
internal sealed partial class Workflows
{
    /// <summary>Create Hosted Service: synchronous on the wire (201), so the output operation has already Succeeded.</summary>
    public async Task CreateHostedServiceAsync(CreateHostedServiceRequest request, CancellationToken ct)
    {
        RequestBody body = RequestBody.Of(request);
        if (!await Sink.ShouldProcessAsync(request.ServiceName, "Create cloud service").ConfigureAwait(false))
        {
            return;
        }

        DeploymentOperation operation = About(OperationKind.CreateHostedService, request.ServiceName, null, null);
        operation.StartTime = DateTime.UtcNow;
        AcceptedOperation accepted = await Client.CreateHostedServiceAsync(body, ct).ConfigureAwait(false);
        operation.RequestId = accepted.RequestId;
        operation.Status = OperationState.Succeeded;
        operation.HttpStatusCode = accepted.HttpStatusCode;
        operation.EndTime = DateTime.UtcNow;
        Sink.Emit(operation);
    }

    /// <summary>Create Deployment in <paramref name="slot"/> of <paramref name="service"/>.</summary>
    public async Task<DeploymentOperation?> CreateDeploymentAsync(string service, DeploymentSlot slot, CreateDeploymentRequest request, OperationWait wait, CancellationToken ct)
    {
        TargetRules.ServiceName(service);
        RequestBody body = RequestBody.Of(request);
        return await MutateAsync(
            About(OperationKind.CreateDeployment, service, slot, request.Name),
            $"{service}/{slot}",
            $"Create deployment {request.Name}",
            token => Client.CreateDeploymentAsync(service, slot, body, token),
            wait,
            null,
            ct).ConfigureAwait(false);
    }

    /// <summary>Delete Deployment.</summary>
    public async Task<DeploymentOperation?> DeleteDeploymentAsync(DeploymentTarget target, OperationWait wait, CancellationToken ct)
    {
        TargetRules.Deployment(target);
        return await MutateAsync(
            About(OperationKind.DeleteDeployment, target.ServiceName, target.Slot, target.DeploymentName),
            target.ToString(),
            "Delete deployment",
            token => Client.DeleteDeploymentAsync(target, token),
            wait,
            null,
            ct).ConfigureAwait(false);
    }

    /// <summary>Upgrade Deployment: an in-place update with a new package and configuration; waiting shows progress per upgrade domain.</summary>
    public async Task<DeploymentOperation?> UpgradeDeploymentAsync(DeploymentTarget target, UpgradeDeploymentRequest request, OperationWait wait, CancellationToken ct)
    {
        TargetRules.Deployment(target);
        RequestBody body = RequestBody.Of(request);
        string supersedes = await SupersedesAsync(target, ct).ConfigureAwait(false);
        return await MutateAsync(
            About(OperationKind.UpgradeDeployment, target.ServiceName, target.Slot, target.DeploymentName),
            target.ToString(),
            $"{request.Mode} upgrade to package {WithoutQuery(request.PackageUrl)}{supersedes}",
            token => Client.UpgradeDeploymentAsync(target, body, token),
            wait,
            DeploymentProgress.For(OperationKind.UpgradeDeployment, target, Sink),
            ct).ConfigureAwait(false);
    }

    /// <summary>Change Deployment Configuration; waiting shows progress per upgrade domain.</summary>
    public async Task<DeploymentOperation?> ChangeConfigurationAsync(DeploymentTarget target, ChangeConfigurationRequest request, OperationWait wait, CancellationToken ct)
    {
        TargetRules.Deployment(target);
        RequestBody body = RequestBody.Of(request);
        string supersedes = await SupersedesAsync(target, ct).ConfigureAwait(false);
        return await MutateAsync(
            About(OperationKind.ChangeDeploymentConfiguration, target.ServiceName, target.Slot, target.DeploymentName),
            target.ToString(),
            "Change configuration" + (request.Mode is null ? string.Empty : $" ({request.Mode})") + supersedes,
            token => Client.ChangeConfigurationAsync(target, body, token),
            wait,
            DeploymentProgress.For(OperationKind.ChangeDeploymentConfiguration, target, Sink),
            ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A new update over one in progress supersedes it (the service rolls the changed domains back,
    /// then applies the new update): the confirmation says so. Empty when no update is in progress.
    /// </summary>
    private async Task<string> SupersedesAsync(DeploymentTarget target, CancellationToken ct)
    {
        if (!Sink.ShowsConfirmation)
        {
            // Nobody reads the question (no -WhatIf, prompt or -Verbose): no Get Deployment only to word it.
            return string.Empty;
        }

        Deployment deployment;
        try
        {
            deployment = await Client.GetDeploymentAsync(target, ct).ConfigureAwait(false);
        }
        catch (Exception exception) when (!(exception is OperationCanceledException) || !ct.IsCancellationRequested)
        {
            // The request itself will say what is wrong (no such deployment, a server fault).
            Sink.Verbose("Could not read deployment " + target + " before the update: " + exception.Message);
            return string.Empty;
        }

        UpgradeStatus? update = deployment.UpgradeStatus;
        return update == null
            ? string.Empty
            : $", superseding the {update.UpgradeType} update in progress (upgrade domain {update.CurrentUpgradeDomain} of {deployment.UpgradeDomainCount}, {update.CurrentUpgradeDomainState})";
    }
}
