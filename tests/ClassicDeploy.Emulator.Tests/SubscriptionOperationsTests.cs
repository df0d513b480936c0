using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using System.Xml.Linq;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests;

/// <summary>List Subscription Operations and the two forms of an operation id.</summary>
public sealed class SubscriptionOperationsTests
{
    private const string Window = "operations?StartTime=2026-11-22&EndTime=2026-11-23T00:00:00Z";
    private static readonly XNamespace DataContract = "http://schemas.datacontract.org/2004/07/Microsoft.WindowsAzure.ServiceManagement";

    private static XElement[] Entries(XElement collection) =>
        collection.Element(Ns + "SubscriptionOperations")!.Elements(Ns + "SubscriptionOperation").ToArray();

    [Fact]
    public async Task Each_operation_is_listed_with_its_object_name_status_and_times()
    {
        await using var emulator = await StartAsync();
        await emulator.CreateServiceAsync("svc");
        var create = await emulator.AcceptedAsync("services/hostedservices/svc/deploymentslots/production", Bodies.CreateDeployment("dep1", Bodies.DefaultConfiguration));
        await emulator.SucceedAsync(create);
        var upgrade = await emulator.AcceptedAsync("services/hostedservices/svc/deploymentslots/production/?comp=upgrade", Bodies.Upgrade("Auto"));

        var list = await emulator.GetXmlAsync(Window);
        Assert.Equal(Ns + "SubscriptionOperationCollection", list.Name);
        var entries = Entries(list);
        Assert.Equal(3, entries.Length);
        var service = entries[0];
        Assert.Equal("CreateHostedService", Text(service, "OperationName"));
        Assert.Equal($"/{Subscription}/services/hostedservices/svc", Text(service, "OperationObjectId"));
        Assert.Equal(("Succeeded", "201"), (Text(service.Element(Ns + "OperationStatus")!, "Status"), Text(service.Element(Ns + "OperationStatus")!, "HttpStatusCode")));
        var first = entries[1];
        Assert.Equal(
            new[] { "OperationId", "OperationObjectId", "OperationName", "OperationParameters", "OperationCaller", "OperationStatus", "OperationStartedTime", "OperationCompletedTime" },
            first.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(Guid.ParseExact(create, "N").ToString("D"), Text(first, "OperationId"));
        Assert.Equal($"/{Subscription}/services/hostedservices/svc/deployments/dep1", Text(first, "OperationObjectId"));
        Assert.Equal("CreateDeployment", Text(first, "OperationName"));
        var parameters = first.Element(Ns + "OperationParameters")!.Elements(Ns + "OperationParameter")
            .ToDictionary(p => p.Element(DataContract + "Name")!.Value, p => p.Element(DataContract + "Value")!.Value);
        Assert.Equal("svc", parameters["ServiceName"]);
        Assert.Equal("Production", parameters["DeploymentSlot"]);
        var status = first.Element(Ns + "OperationStatus")!;
        Assert.Equal("Succeeded", Text(status, "Status"));
        Assert.Equal("200", Text(status, "HttpStatusCode"));
        Assert.Equal("2026-11-22T10:00:00Z", Text(first, "OperationStartedTime"));
        Assert.Equal("2026-11-22T10:00:10Z", Text(first, "OperationCompletedTime"));

        var second = entries[2];
        Assert.Equal(Guid.ParseExact(upgrade, "N").ToString("D"), Text(second, "OperationId"));
        Assert.Equal("UpgradeDeployment", Text(second, "OperationName"));
        Assert.Equal("InProgress", Text(second.Element(Ns + "OperationStatus")!, "Status"));
        Assert.Null(second.Element(Ns + "OperationCompletedTime"));
        Assert.Null(list.Element(Ns + "ContinuationToken"));
    }

    [Fact]
    public async Task The_time_window_object_and_result_filters_narrow_the_list()
    {
        await using var emulator = await StartAsync();
        await emulator.DeployAsync("svc");
        await emulator.DeployAsync("other", createService: true);
        emulator.Clock.Advance(TimeSpan.FromHours(1));
        var upgrade = await emulator.AcceptedAsync("services/hostedservices/svc/deploymentslots/production/?comp=upgrade", Bodies.Upgrade("Auto"));

        Assert.Equal(5, Entries(await emulator.GetXmlAsync(Window)).Length);
        var late = Entries(await emulator.GetXmlAsync("operations?StartTime=2026-11-22T10:30:00Z&EndTime=2026-11-22T12:00:00Z"));
        Assert.Equal(Guid.ParseExact(upgrade, "N").ToString("D"), Text(Assert.Single(late), "OperationId"));

        var byObject = Entries(await emulator.GetXmlAsync(Window + $"&ObjectIdFilter=/{Subscription}/services/hostedservices/other/deployments/dep1"));
        Assert.Equal("/" + Subscription + "/services/hostedservices/other/deployments/dep1", Text(Assert.Single(byObject), "OperationObjectId"));
        var byUrl = Entries(await emulator.GetXmlAsync(Window + $"&ObjectIdFilter=https://management.core.windows.net/{Subscription}/services/hostedservices/svc/deployments/dep1"));
        Assert.Equal(2, byUrl.Length);

        var inProgress = Entries(await emulator.GetXmlAsync(Window + "&OperationResultFilter=InProgress"));
        Assert.Equal("UpgradeDeployment", Text(Assert.Single(inProgress), "OperationName"));
        Assert.Equal(4, Entries(await emulator.GetXmlAsync(Window + "&OperationResultFilter=succeeded")).Length);
        Assert.Empty(Entries(await emulator.GetXmlAsync(Window + "&OperationResultFilter=Failed")));
    }

    [Fact]
    public async Task Long_lists_come_in_pages_joined_by_a_continuation_token()
    {
        await using var emulator = await StartAsync(o => o.OperationPageSize = 2);
        foreach (var name in new[] { "a1", "a2", "a3", "a4", "a5" })
        {
            await emulator.CreateServiceAsync(name);
            emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new System.Collections.Generic.List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await emulator.GetXmlAsync(Window + (token is null ? string.Empty : "&ContinuationToken=" + Uri.EscapeDataString(token)));
            seen.AddRange(Entries(page).Select(e => Text(e, "OperationObjectId")));
            token = page.Element(Ns + "ContinuationToken")?.Value;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal("CreateHostedService", Text(Assert.Single(Entries(await emulator.GetXmlAsync(Window + "&ObjectIdFilter=/" + Subscription + "/services/hostedservices/a3"))), "OperationName"));
        Assert.Equal(new[] { "a1", "a2", "a3", "a4", "a5" }, seen.Select(o => o.Split('/')[4]));
    }

    [Theory]
    [InlineData("operations")]
    [InlineData("operations?StartTime=2026-11-22")]
    [InlineData("operations?StartTime=yesterday&EndTime=2026-11-23")]
    [InlineData("operations?StartTime=2026-11-23&EndTime=2026-11-22")]
    [InlineData(Window + "&OperationResultFilter=Done")]
    [InlineData(Window + "&ContinuationToken=not-a-token")]
    public async Task Bad_query_parameters_are_BadRequest(string path)
    {
        await using var emulator = await StartAsync();
        using var response = await emulator.GetAsync(path);
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadRequest");
    }

    [Fact]
    public async Task Get_Operation_Status_answers_a_dashed_ID_and_finds_the_operation_by_either_form()
    {
        await using var emulator = await StartAsync();
        await emulator.CreateServiceAsync("svc");
        var id = await emulator.AcceptedAsync("services/hostedservices/svc/deploymentslots/staging", Bodies.CreateDeployment("dep1", Bodies.DefaultConfiguration));
        var dashed = Guid.ParseExact(id, "N").ToString("D");

        Assert.Equal(dashed, Text(await emulator.GetXmlAsync("operations/" + id), "ID"));
        Assert.Equal(dashed, Text(await emulator.GetXmlAsync("operations/" + dashed), "ID"));
        Assert.Equal(dashed, Text(await emulator.GetXmlAsync("operations/" + dashed.ToUpperInvariant()), "ID"));
    }
}
