using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Client;
using ClassicDeploy.Models;
using ClassicDeploy.Operations;
using ClassicDeploy.Tests.Client;
using ClassicDeploy.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ClassicDeploy.Tests.Operations;

/// <summary>
/// Waiting for many Auto upgrades at once on an injected clock: a scripted subscription where upgrade i of
/// service i started at i × <c>stagger</c> seconds and walks five 2 s domains.
/// </summary>
public sealed class FleetWaitTests
{
    private const int Domains = 5;
    private const double Domain = 2.0;
    private const double Length = Domains * Domain;

    private sealed class Fleet
    {
        private readonly FakeTimeProvider _clock;
        private readonly DateTimeOffset _start;

        public Fleet(FakeTimeProvider clock, int size, double stagger)
        {
            _clock = clock;
            _start = clock.GetUtcNow();
            Size = size;
            Stagger = stagger;
        }

        public int Size { get; }

        public double Stagger { get; }

        public HashSet<int> Unlisted { get; } = new HashSet<int>();

        public bool ListFails { get; set; }

        public List<string> Requests { get; } = new List<string>();

        public double Now => (_clock.GetUtcNow() - _start).TotalSeconds;

        public double LastEnd => ((Size - 1) * Stagger) + Length;

        public static string Service(int i) => "svc" + i;

        public static string Id(int i) => $"{i:x32}";

        public DeploymentOperation Operation(int i) => new DeploymentOperation
        {
            RequestId = Id(i),
            Kind = OperationKind.UpgradeDeployment,
            ServiceName = Service(i),
            Slot = DeploymentSlot.Production,
            Status = OperationState.InProgress,
            StartTime = (_start + TimeSpan.FromSeconds(i * Stagger)).UtcDateTime,
        };

        public ScriptedHandler Handler() => new ScriptedHandler
        {
            Otherwise = (request, ct) =>
            {
                string path = request.RequestUri!.AbsolutePath;
                string query = request.RequestUri.Query;
                lock (Requests)
                {
                    Requests.Add(path.EndsWith("/operations", StringComparison.Ordinal) ? "list"
                        : path.Contains("/operations/", StringComparison.Ordinal) ? "status"
                        : query.Contains("embed-detail", StringComparison.Ordinal) ? "service"
                        : "deployment");
                }

                if (path.EndsWith("/operations", StringComparison.Ordinal))
                {
                    return Task.FromResult(ListFails
                        ? ScriptedHandler.Answer(HttpStatusCode.BadRequest, ScriptedHandler.Error("BadRequest", "No."))
                        : ScriptedHandler.Answer(HttpStatusCode.OK, List()));
                }

                if (path.Contains("/operations/", StringComparison.Ordinal))
                {
                    int i = Convert.ToInt32(path.Substring(path.LastIndexOf('/') + 1), 16);
                    return Task.FromResult(ScriptedHandler.Answer(HttpStatusCode.OK, ScriptedHandler.Operation(Id(i), Done(i) ? "Succeeded" : "InProgress")));
                }

                int service = int.Parse(path.Split('/')[4].Substring(3), System.Globalization.CultureInfo.InvariantCulture);
                string deployment = DeploymentXml(service);
                return Task.FromResult(ScriptedHandler.Answer(HttpStatusCode.OK, query.Contains("embed-detail", StringComparison.Ordinal)
                    ? "<HostedService xmlns=\"http://schemas.microsoft.com/windowsazure\"><ServiceName>" + Service(service) + "</ServiceName><Deployments>" +
                        deployment.Replace(" xmlns=\"http://schemas.microsoft.com/windowsazure\"", string.Empty, StringComparison.Ordinal) + "</Deployments></HostedService>"
                    : deployment));
            },
        };

        private bool Done(int i) => Now - (i * Stagger) >= Length;

        private string DeploymentXml(int i)
        {
            double t = Now - (i * Stagger);
            return ForecastWaitTests.DeploymentXml(Done(i) ? null : Math.Min(Domains - 1, (int)Math.Floor(Math.Max(0, t) / Domain)), Domains)
                .Replace("<Name>app-prod</Name>", "<Name>" + Service(i) + "-prod</Name>", StringComparison.Ordinal);
        }

        private string List()
        {
            var xml = new StringBuilder("<SubscriptionOperationCollection xmlns=\"http://schemas.microsoft.com/windowsazure\"><SubscriptionOperations>");
            for (int i = 0; i < Size; i++)
            {
                if (!Unlisted.Contains(i))
                {
                    // The service writes the id as a GUID with dashes.
                    string dashed = Guid.ParseExact(Id(i), "N").ToString("D");
                    xml.Append("<SubscriptionOperation><OperationId>").Append(dashed).Append("</OperationId><OperationObjectId>/sub-1/services/hostedservices/")
                        .Append(Service(i)).Append("/deployments/").Append(Service(i)).Append("-prod</OperationObjectId><OperationName>UpgradeDeployment</OperationName><OperationStatus><ID>")
                        .Append(dashed).Append("</ID><Status>").Append(Done(i) ? "Succeeded" : "InProgress").Append("</Status></OperationStatus></SubscriptionOperation>");
                }
            }

            return xml.Append("</SubscriptionOperations></SubscriptionOperationCollection>").ToString();
        }
    }

    private static async Task<(Fleet Fleet, RecordingSink Sink, double ReturnedAt)> WaitAsync(int size, Action<Fleet>? setUp = null, bool showProgress = true)
    {
        var clock = new FakeTimeProvider();
        var fleet = new Fleet(clock, size, stagger: 0.01);
        setUp?.Invoke(fleet);
        var sink = new RecordingSink { ShowsProgress = showProgress };
        ServiceManagementClientOptions options = ScriptedHandler.Options(fleet.Handler());
        options.Polling = new PollingOptions();
        using var client = new ServiceManagementClient(options) { Clock = clock };
        client.PollDelay = (delay, ct) =>
        {
            clock.Advance(delay);
            return Task.CompletedTask;
        };
        var operations = Enumerable.Range(0, size).Select(i => (fleet.Operation(i), (object?)("input-" + i))).ToList();

        await new Workflows(client, sink).WaitForOperationsAsync(operations, null, CancellationToken.None);
        return (fleet, sink, fleet.Now);
    }

    [Fact]
    public async Task ManyUpgradesAreWaitedForWithOneListPerLookAndEveryOneEndsSucceeded()
    {
        var (fleet, sink, returnedAt) = await WaitAsync(40);

        Assert.Equal(40, sink.Operations.Count(o => o.Status == OperationState.Succeeded));
        Assert.Empty(sink.Errors);
        Assert.DoesNotContain("status", fleet.Requests);
        Assert.InRange(returnedAt, fleet.LastEnd, fleet.LastEnd * 1.03);
    }

    [Fact]
    public async Task StatusRequestsDoNotGrowWithTheNumberOfOperations()
    {
        var (few, _, _) = await WaitAsync(2);
        var (many, _, _) = await WaitAsync(60);

        // The 60 were started over 0.6 s rather than 0.01 s, so the last domain is watched a little longer; no more per look.
        int Status(Fleet f) => f.Requests.Count(r => r == "list" || r == "status");
        Assert.InRange(Status(many), 1, (Status(few) * 3 / 2) + 1);
        Assert.DoesNotContain("status", many.Requests);

        // Progress: one Get Hosted Service per service each time the watched deployment changes domain, not per look.
        Assert.InRange(many.Requests.Count(r => r == "service"), 59, 59 * (Domains + 1));
    }

    [Fact]
    public async Task WithoutVisibleProgressNoServiceIsReadForItsBar()
    {
        var (fleet, sink, _) = await WaitAsync(30, showProgress: false);

        Assert.Equal(30, sink.Operations.Count(o => o.Status == OperationState.Succeeded));
        Assert.DoesNotContain("service", fleet.Requests);
    }

    [Fact]
    public async Task WithoutVisibleProgressTheWatchedDeploymentIsReadFewerTimesAndTheFleetIsNoticedAsSoon()
    {
        var (shown, _, _) = await WaitAsync(30);
        var (hidden, sink, returnedAt) = await WaitAsync(30, showProgress: false);

        int Reads(Fleet f) => f.Requests.Count(r => r == "deployment");
        Assert.True(Reads(hidden) < Reads(shown), $"{Reads(hidden)} reads hidden, {Reads(shown)} shown");
        Assert.Equal(30, sink.Operations.Count(o => o.Status == OperationState.Succeeded));
        Assert.InRange(returnedAt, hidden.LastEnd, hidden.LastEnd * 1.03);
    }

    [Fact]
    public async Task AnOperationTheListDoesNotShowIsAskedAboutAloneAndAFailingListFallsBackToEach()
    {
        var (fleet, sink, _) = await WaitAsync(10, f => f.Unlisted.Add(7));
        Assert.Equal(10, sink.Operations.Count(o => o.Status == OperationState.Succeeded));
        Assert.Equal(fleet.Requests.Count(r => r == "list"), fleet.Requests.Count(r => r == "status"));

        var (failing, sink2, _) = await WaitAsync(10, f => f.ListFails = true);
        Assert.Equal(10, sink2.Operations.Count(o => o.Status == OperationState.Succeeded));
        Assert.True(failing.Requests.Count(r => r == "status") >= 10);
    }
}
