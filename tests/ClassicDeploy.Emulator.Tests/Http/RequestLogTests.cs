using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests.Http;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Each_request_is_one_entry_and_one_line_with_its_request_id_and_never_its_body()
    {
        var lines = new LogLines();
        await using var emulator = await StartAsync(o => o.Log = lines.Add);
        using var created = await emulator.PostAsync("services/hostedservices", Bodies.CreateHostedService("svc", "SECRET-LABEL"));
        var id = RequestId(created);

        var entry = Assert.Single(emulator.Host.Requests.Snapshot());
        Assert.Equal("POST", entry.Method);
        Assert.Equal($"/{Subscription}/services/hostedservices", entry.Path);
        Assert.Equal(Subscription, entry.SubscriptionId);
        Assert.Equal(201, entry.StatusCode);
        Assert.Equal(id, entry.RequestId);
        Assert.Null(entry.Fault);
        Assert.True(entry.ElapsedMs >= 0);

        var line = Assert.Single(lines.All);
        Assert.Contains("POST", line);
        Assert.Contains($"/{Subscription}/services/hostedservices", line);
        Assert.Contains(" 201 ", line);
        Assert.Contains(id, line);
        Assert.DoesNotContain(Bodies.B64("SECRET-LABEL"), line);
        Assert.DoesNotContain("svc", line);
    }

    [Fact]
    public async Task Errors_carry_a_request_id_and_are_logged_with_their_status()
    {
        await using var emulator = await StartAsync();
        using var response = await emulator.GetAsync("services/hostedservices/nosuch?embed-detail=true");
        var id = RequestId(response);
        var entry = Assert.Single(emulator.Host.Requests.Snapshot());
        Assert.Equal((404, id, "?embed-detail=true"), (entry.StatusCode, entry.RequestId, entry.Query));

        emulator.Host.Requests.Clear();
        Assert.Empty(emulator.Host.Requests.Snapshot());
    }

    [Fact]
    public async Task Request_ids_are_unique()
    {
        await using var emulator = await StartAsync();
        var ids = new System.Collections.Generic.List<string>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await emulator.GetAsync("services/hostedservices");
            ids.Add(RequestId(response));
        }

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("services/hostedservices/a%0AGET%20/forged%20200", '\n')]
    [InlineData("services/hostedservices/a%0D%0Ab", '\r')]
    [InlineData("services/hostedservices/%1B%5B2J", '\u001B')]
    [InlineData("services/hostedservices/a%E2%80%A8b", '\u2028')]
    public async Task A_control_character_in_the_path_is_escaped_in_the_log_line(string path, char control)
    {
        var lines = new LogLines();
        await using var emulator = await StartAsync(o => o.Log = lines.Add);
        using var response = await emulator.GetAsync(path + "?x=%07");
        var line = Assert.Single(lines.All);
        Assert.DoesNotContain(control, line);
        Assert.DoesNotContain('\u0007', line);
        Assert.Contains(@"\u" + ((int)control).ToString("X4"), line);
        Assert.StartsWith("GET /" + Subscription + "/services/hostedservices/", line);
        Assert.Contains(RequestId(response), line);
    }

    [Fact]
    public async Task The_request_log_keeps_only_the_newest_entries_up_to_its_capacity()
    {
        await using var emulator = await StartAsync(o => o.RequestLogCapacity = 3);
        var ids = new System.Collections.Generic.List<string>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await emulator.GetAsync("services/hostedservices");
            ids.Add(RequestId(response));
        }

        Assert.Equal(3, emulator.Host.Requests.Capacity);
        Assert.Equal(ids.Skip(4), emulator.Host.Requests.Snapshot().Select(e => e.RequestId));
    }

    [Fact]
    public async Task A_request_log_of_size_0_keeps_nothing()
    {
        await using var emulator = await StartAsync(o => o.RequestLogCapacity = 0);
        using var response = await emulator.GetAsync("services/hostedservices");
        Assert.Empty(emulator.Host.Requests.Snapshot());
    }

    [Fact]
    public async Task A_request_is_in_the_log_by_the_time_its_client_has_read_the_answer()
    {
        var lines = new LogLines();
        await using var emulator = await StartAsync(o => o.Log = lines.Add);
        for (var i = 0; i < 300; i++)
        {
            // Answers with a body (the list, a 404's error XML) go out while the endpoint writes them; one without
            // (Create Hosted Service's 201) only once the request's handling ends. Each must be logged first.
            using var response = (i % 3) switch
            {
                0 => await emulator.GetAsync("services/hostedservices"),
                1 => await emulator.GetAsync("services/hostedservices/nosuch"),
                _ => await emulator.PostAsync("services/hostedservices", Bodies.CreateHostedService("svc" + i, "label")),
            };
            var id = RequestId(response);
            Assert.Contains(emulator.Host.Requests.Snapshot(), e => e.RequestId == id);
            Assert.Contains(lines.All, l => l.Contains(id));
        }
    }

    /// <summary>The emulator's log lines, as its Log option receives them.</summary>
    private sealed class LogLines
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string[] All => _lines.ToArray();

        public void Add(string line) => _lines.Enqueue(line);
    }
}
