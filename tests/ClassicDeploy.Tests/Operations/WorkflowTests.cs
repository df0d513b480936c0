using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;
using ClassicDeploy.Operations;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Operations;

/// <summary>The workflows over a scripted transport, without a runspace: what they send, output and report.</summary>
public sealed class WorkflowTests
{
    private const string Base = "https://sm.test/sub-1/services/hostedservices/contoso";
    private static readonly DeploymentTarget Production = DeploymentTarget.BySlot("contoso", DeploymentSlot.Production);

    private readonly ScriptedHandler _handler = new ScriptedHandler();
    private readonly RecordingSink _sink = new RecordingSink();

    private Workflows Workflows()
    {
        var client = new ServiceManagementClient(ScriptedHandler.Options(_handler)) { PollDelay = (delay, ct) => Task.CompletedTask };
        return new Workflows(client, _sink);
    }

    private static string DeploymentXml(string name, string slot, bool rollbackAllowed = false, int? manualDomain = null, string state = "Before") =>
        "<Deployment xmlns=\"http://schemas.microsoft.com/windowsazure\"><Name>" + name + "</Name><DeploymentSlot>" + slot + "</DeploymentSlot>" +
        "<Status>Running</Status>" +
        (manualDomain is null ? string.Empty : "<UpgradeStatus><UpgradeType>Manual</UpgradeType><CurrentUpgradeDomainState>" + state + "</CurrentUpgradeDomainState><CurrentUpgradeDomain>" + manualDomain + "</CurrentUpgradeDomain></UpgradeStatus>") +
        "<UpgradeDomainCount>3</UpgradeDomainCount><RollbackAllowed>" + (rollbackAllowed ? "true" : "false") + "</RollbackAllowed></Deployment>";

    private static UpgradeDeploymentRequest Upgrade() => new UpgradeDeploymentRequest
    {
        Mode = UpgradeMode.Auto,
        PackageUrl = "https://store.test/pkg/v2.cspkg?sig=secret",
        Configuration = "<ServiceConfiguration serviceName=\"contoso\" />",
        Label = "v2",
    };

    [Fact]
    public async Task UpgradeWithWaitSendsOnePostAndOutputsTheSucceededOperationWithProgress()
    {
        // The wait reads the deployment (progress, and when to look), then asks the status once it shows no update.
        _handler.Then(HttpStatusCode.OK, DeploymentXml("blue", "Production"))
            .Then(HttpStatusCode.Accepted, requestId: "op-up")
            .Then(HttpStatusCode.OK, DeploymentXml("blue", "Production", manualDomain: 1, state: "During"))
            .Then(HttpStatusCode.OK, DeploymentXml("blue", "Production"))
            .Then(HttpStatusCode.OK, ScriptedHandler.Operation("op-up", "Succeeded"));

        await Workflows().UpgradeDeploymentAsync(Production, Upgrade(), new OperationWait(true, null), CancellationToken.None);

        Assert.Equal(("contoso/Production", "Auto upgrade to package https://store.test/pkg/v2.cspkg?…"), Assert.Single(_sink.Asked));
        Assert.Equal(Base + "/deploymentslots/production", _handler.Seen[0].Uri);
        Assert.Equal(Base + "/deploymentslots/production/?comp=upgrade", _handler.Seen[1].Uri);
        Assert.Single(_handler.Seen, s => s.Method == "POST");
        DeploymentOperation operation = Assert.Single(_sink.Operations);
        Assert.Equal(OperationKind.UpgradeDeployment, operation.Kind);
        Assert.Equal("Upgrade Deployment", operation.Operation);
        Assert.Equal("op-up", operation.RequestId);
        Assert.Equal(OperationState.Succeeded, operation.Status);
        Assert.NotNull(operation.EndTime);
        Assert.Contains(_sink.Progress, p => p.Status == "Upgrade domain 2 of 3 - contoso/Production" && p.Activity == "Upgrading blue");
        Assert.True(_sink.Progress.Last().Completed);
        Assert.Empty(_sink.Errors);
    }

    [Fact]
    public async Task DeclinedMutationSendsNothingAndOutputsNothing()
    {
        _sink.Consent = false;

        DeploymentOperation? operation = await Workflows().UpgradeDeploymentAsync(Production, Upgrade(), new OperationWait(true, null), CancellationToken.None);

        Assert.Null(operation);
        Assert.Single(_sink.Asked);
        Assert.DoesNotContain(_handler.Seen, s => s.Method != "GET");
        Assert.Empty(_sink.Output);
    }

    [Fact]
    public async Task InvalidInputIsRefusedBeforeAskingOrSending()
    {
        var request = Upgrade();
        request.PackageUrl = "relative/v2.cspkg";

        var invalid = await Assert.ThrowsAsync<RequestValidationException>(() => Workflows().UpgradeDeploymentAsync(Production, request, OperationWait.None, CancellationToken.None));

        Assert.Equal("PackageUrl", invalid.ParamName);
        Assert.Empty(_sink.Asked);
        Assert.Empty(_handler.Seen);
    }

    [Fact]
    public async Task WithoutWaitTheAcceptedOperationIsOutputInProgress()
    {
        _handler.Then(HttpStatusCode.Accepted, requestId: "op-del");

        await Workflows().DeleteDeploymentAsync(DeploymentTarget.ByName("contoso", "blue"), OperationWait.None, CancellationToken.None);

        Assert.Equal(("DELETE", Base + "/deployments/blue"), (_handler.Seen[0].Method, _handler.Seen[0].Uri));
        DeploymentOperation operation = Assert.Single(_sink.Operations);
        Assert.Equal((OperationKind.DeleteDeployment, "blue", OperationState.InProgress), (operation.Kind, operation.DeploymentName, operation.Status));
        Assert.Null(operation.EndTime);
        Assert.Empty(_sink.Progress);
    }

    [Fact]
    public async Task AFailedOperationIsOutputThenReportedAsOperationFailed()
    {
        _handler.Then(HttpStatusCode.OK, DeploymentXml("blue", "Production"))
            .Then(HttpStatusCode.Accepted, requestId: "op-cfg")
            .Then(HttpStatusCode.OK, DeploymentXml("blue", "Production"))
            .Then(HttpStatusCode.OK, "<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>op-cfg</ID><Status>Failed</Status><HttpStatusCode>400</HttpStatusCode>"
                + "<Error><Code>InvalidConfiguration</Code><Message>Bad role count.</Message></Error></Operation>");
        var request = new ChangeConfigurationRequest { Configuration = "<ServiceConfiguration serviceName=\"contoso\" />" };

        await Workflows().ChangeConfigurationAsync(Production, request, new OperationWait(true, null), CancellationToken.None);

        DeploymentOperation operation = Assert.Single(_sink.Operations);
        Assert.Equal((OperationKind.ChangeDeploymentConfiguration, OperationState.Failed, "InvalidConfiguration"), (operation.Kind, operation.Status, operation.ErrorCode));
        var (error, target) = Assert.Single(_sink.Errors);
        Assert.Same(operation, target);
        var failed = Assert.IsType<WorkflowException>(error);
        Assert.Equal("OperationFailed", failed.ErrorId);
        Assert.Equal("Change Deployment Configuration on contoso/Production failed (operation op-cfg): InvalidConfiguration: Bad role count.", failed.Message);
    }

    [Fact]
    public async Task RollbackIsRefusedWithoutAPostWhenTheDeploymentDoesNotAllowIt()
    {
        _handler.Then(HttpStatusCode.OK, DeploymentXml("blue", "Production", rollbackAllowed: false));

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => Workflows().RollbackUpdateOrUpgradeAsync(
            Production, new RollbackUpdateOrUpgradeRequest { Mode = UpgradeMode.Auto }, OperationWait.None, CancellationToken.None));

        Assert.Equal(("RollbackNotAllowed", WorkflowFailure.InvalidOperation), (refused.ErrorId, refused.Failure));
        Assert.Equal("GET", Assert.Single(_handler.Seen).Method);
        Assert.Empty(_sink.Asked);
    }

    [Fact]
    public async Task RollbackAddressesByNameTheDeploymentItRead()
    {
        _handler.Then(HttpStatusCode.OK, DeploymentXml("blue", "Production", rollbackAllowed: true, manualDomain: 1))
            .Then(HttpStatusCode.Accepted, requestId: "op-rb");

        await Workflows().RollbackUpdateOrUpgradeAsync(Production, new RollbackUpdateOrUpgradeRequest { Mode = UpgradeMode.Manual }, OperationWait.None, CancellationToken.None);

        Assert.Equal(("contoso/blue (Production)", "Roll back the update in progress (Manual)"), Assert.Single(_sink.Asked));
        Assert.Equal(Base + "/deployments/blue/?comp=rollback", _handler.Seen[1].Uri);
        DeploymentOperation operation = Assert.Single(_sink.Operations);
        Assert.Equal((OperationKind.RollbackUpdateOrUpgrade, "blue", (DeploymentSlot?)DeploymentSlot.Production), (operation.Kind, operation.DeploymentName, operation.Slot));
    }

    [Fact]
    public async Task SwapNamesTheProductionAndStagingDeploymentsItFinds()
    {
        _handler.Then(HttpStatusCode.OK, HostedService(DeploymentXml("green", "Staging") + DeploymentXml("blue", "Production")))
            .Then(HttpStatusCode.Accepted, requestId: "op-swap");

        await Workflows().SwapDeploymentAsync("contoso", OperationWait.None, CancellationToken.None);

        Assert.Equal(Base + "?embed-detail=true", _handler.Seen[0].Uri);
        Assert.Equal(("contoso", "Swap production blue with staging green"), Assert.Single(_sink.Asked));
        Assert.Contains("<Production>blue</Production><SourceDeployment>green</SourceDeployment>", _handler.Seen[1].Body);
        DeploymentOperation operation = Assert.Single(_sink.Operations);
        Assert.Equal((OperationKind.SwapDeployment, "green", (DeploymentSlot?)null), (operation.Kind, operation.DeploymentName, operation.Slot));
    }

    [Fact]
    public async Task SwapWithoutAStagingDeploymentIsNoStagingDeploymentWithoutAPost()
    {
        _handler.Then(HttpStatusCode.OK, HostedService(DeploymentXml("blue", "Production")));

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => Workflows().SwapDeploymentAsync("contoso", OperationWait.None, CancellationToken.None));

        Assert.Equal(("NoStagingDeployment", WorkflowFailure.ObjectNotFound), (refused.ErrorId, refused.Failure));
        Assert.Single(_handler.Seen);
    }

    [Fact]
    public async Task WalkingEveryDomainWalksTheRemainingOnesInOrderUnderOneProgressBar()
    {
        _handler.Then(HttpStatusCode.OK, DeploymentXml("blue", "Production", manualDomain: 1))
            .Then(HttpStatusCode.Accepted, requestId: "walk-1")
            .Then(HttpStatusCode.OK, DeploymentXml("blue", "Production", manualDomain: 2))
            .Then(HttpStatusCode.OK, ScriptedHandler.Operation("walk-1", "Succeeded"))
            .Then(HttpStatusCode.OK, DeploymentXml("blue", "Production", manualDomain: 2))
            .Then(HttpStatusCode.Accepted, requestId: "walk-2")
            .Then(HttpStatusCode.OK, DeploymentXml("blue", "Production"))
            .Then(HttpStatusCode.OK, ScriptedHandler.Operation("walk-2", "Succeeded"))
            .Then(HttpStatusCode.OK, DeploymentXml("blue", "Production"));

        await Workflows().WalkUpgradeDomainAsync(Production, null, all: true, OperationWait.None, CancellationToken.None);

        var posts = _handler.Seen.Where(s => s.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal(Base + "/deployments/blue/?comp=walkupgradedomain", p.Uri));
        Assert.Contains("<UpgradeDomain>1</UpgradeDomain>", posts[0].Body);
        Assert.Contains("<UpgradeDomain>2</UpgradeDomain>", posts[1].Body);
        Assert.Equal(new[] { "walk-1", "walk-2" }, _sink.Operations.Select(o => o.RequestId));
        Assert.All(_sink.Operations, o => Assert.Equal((OperationKind.WalkUpgradeDomain, OperationState.Succeeded), (o.Kind, o.Status)));
        Assert.Equal(new[] { "Walk upgrade domain 1 (2 of 3)", "Walk upgrade domain 2 (3 of 3)" }, _sink.Asked.Select(a => a.Action));
        Assert.Single(_sink.Progress, p => p.Completed);
        Assert.True(_sink.Progress.Last().Completed);
    }

    [Fact]
    public async Task WalkingADeploymentWithNoUpdateIsNoUpgradeInProgress()
    {
        _handler.Then(HttpStatusCode.OK, DeploymentXml("blue", "Production"));

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => Workflows().WalkUpgradeDomainAsync(Production, null, all: false, OperationWait.None, CancellationToken.None));

        Assert.Equal("NoUpgradeInProgress", refused.ErrorId);
        Assert.Single(_handler.Seen);
    }

    [Fact]
    public async Task WaitingForManyReportsEachFailureAsThatOperationsOwnError()
    {
        _handler.Otherwise = (request, ct) => Task.FromResult(request.RequestUri!.AbsolutePath.EndsWith("/operations/good", StringComparison.Ordinal)
            ? ScriptedHandler.Answer(HttpStatusCode.OK, ScriptedHandler.Operation("good", "Succeeded"))
            : ScriptedHandler.Answer(HttpStatusCode.NotFound, ScriptedHandler.Error("ResourceNotFound", "No such operation.")));
        var good = new DeploymentOperation { RequestId = "good", Kind = OperationKind.UpgradeDeployment, ServiceName = "contoso", DeploymentName = "blue", Status = OperationState.InProgress };
        var bad = new DeploymentOperation { RequestId = "bad", Status = OperationState.InProgress };

        await Workflows().WaitForOperationsAsync(new (DeploymentOperation, object?)[] { (good, "input-good"), (bad, "input-bad") }, null, CancellationToken.None);

        Assert.Equal(OperationState.Succeeded, Assert.Single(_sink.Operations).Status);
        var (error, target) = Assert.Single(_sink.Errors);
        Assert.Equal("input-bad", target);
        Assert.Equal("ResourceNotFound", Assert.IsType<ServiceManagementException>(error).ErrorCode);
        // The first poll, at once, found "good" ended: no progress bar for it.
        Assert.Empty(_sink.Progress);
    }

    [Fact]
    public async Task WaitingForOneOperationThrowsItsFailure()
    {
        _handler.Then(HttpStatusCode.OK, "<SubscriptionOperationCollection xmlns=\"http://schemas.microsoft.com/windowsazure\"><SubscriptionOperations /></SubscriptionOperationCollection>")
            .Then(HttpStatusCode.NotFound, ScriptedHandler.Error("ResourceNotFound", "No such operation."));
        var bad = new DeploymentOperation { RequestId = "bad", Status = OperationState.InProgress };

        await Assert.ThrowsAsync<ServiceManagementException>(() => Workflows().WaitForOperationsAsync(new (DeploymentOperation, object?)[] { (bad, "input-bad") }, null, CancellationToken.None));

        Assert.Empty(_sink.Errors);
    }

    [Fact]
    public async Task AnUpgradeOverAnUpdateInProgressSaysItSupersedesIt()
    {
        _sink.Consent = false;
        _handler.Then(HttpStatusCode.OK, DeploymentXml("blue", "Production", rollbackAllowed: true, manualDomain: 1));

        await Workflows().UpgradeDeploymentAsync(Production, Upgrade(), OperationWait.None, CancellationToken.None);

        Assert.Equal(
            ("contoso/Production", "Auto upgrade to package https://store.test/pkg/v2.cspkg?…, superseding the Manual update in progress (upgrade domain 1 of 3, Before)"),
            Assert.Single(_sink.Asked));
        Assert.DoesNotContain(_handler.Seen, s => s.Method == "POST");
    }

    [Fact]
    public async Task AnUpgradeWhoseQuestionNobodySeesSendsItsPostFirst()
    {
        _sink.ShowsConfirmation = false;
        _handler.Then(HttpStatusCode.Accepted, requestId: "op-up");

        await Workflows().UpgradeDeploymentAsync(Production, Upgrade(), OperationWait.None, CancellationToken.None);

        Assert.Equal(("contoso/Production", "Auto upgrade to package https://store.test/pkg/v2.cspkg?…"), Assert.Single(_sink.Asked));
        Assert.Equal("POST", Assert.Single(_handler.Seen).Method);
    }

    [Fact]
    public async Task ABareRequestIdIsDescribedFromListSubscriptionOperations()
    {
        _handler.Then(HttpStatusCode.OK, ScriptedHandler.Operation("0123456789abcdef0123456789abcdef", "InProgress"))
            .Then(HttpStatusCode.OK,
                "<SubscriptionOperationCollection xmlns=\"http://schemas.microsoft.com/windowsazure\"><SubscriptionOperations><SubscriptionOperation>"
                + "<OperationId>01234567-89ab-cdef-0123-456789abcdef</OperationId><OperationObjectId>/sub-1/services/hostedservices/contoso/deployments/blue</OperationObjectId>"
                + "<OperationName>WalkUpgradeDomain</OperationName><OperationParameters xmlns:d2p1=\"http://schemas.datacontract.org/2004/07/Microsoft.WindowsAzure.ServiceManagement\">"
                + "<OperationParameter><d2p1:Name>DeploymentSlot</d2p1:Name><d2p1:Value>Staging</d2p1:Value></OperationParameter></OperationParameters>"
                + "<OperationStatus><ID>01234567-89ab-cdef-0123-456789abcdef</ID><Status>InProgress</Status></OperationStatus>"
                + "<OperationStartedTime>2026-11-22T10:00:00Z</OperationStartedTime></SubscriptionOperation></SubscriptionOperations></SubscriptionOperationCollection>");
        var operation = new DeploymentOperation { RequestId = "0123456789abcdef0123456789abcdef", Status = OperationState.InProgress, StartTime = DateTime.UtcNow };

        await Workflows().GetOperationStatusAsync(operation, CancellationToken.None);

        Assert.StartsWith("https://sm.test/sub-1/operations?StartTime=", _handler.Seen[1].Uri, StringComparison.Ordinal);
        Assert.Equal(
            (OperationKind.WalkUpgradeDomain, "contoso", "blue", (DeploymentSlot?)DeploymentSlot.Staging, new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc)),
            (operation.Kind, operation.ServiceName, operation.DeploymentName, operation.Slot, operation.StartTime.ToUniversalTime()));
    }

    [Fact]
    public void OperationKindAndItsApiNameFollowEachOther()
    {
        var operation = new DeploymentOperation { Operation = "walk upgrade domain" };
        Assert.Equal(OperationKind.WalkUpgradeDomain, operation.Kind);
        Assert.Equal("Walk Upgrade Domain", operation.Operation);

        operation.Operation = "Something Else";
        Assert.Equal((OperationKind.Unknown, "Something Else"), (operation.Kind, operation.Operation));

        operation.Kind = OperationKind.SwapDeployment;
        Assert.Equal("Swap Deployment", operation.Operation);
    }

    private static string HostedService(string deployments) =>
        "<HostedService xmlns=\"http://schemas.microsoft.com/windowsazure\"><ServiceName>contoso</ServiceName><Deployments>" + deployments + "</Deployments></HostedService>";
}
