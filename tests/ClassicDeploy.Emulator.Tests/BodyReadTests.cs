using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests;

/// <summary>
/// Bodies the server cannot read, sent over a raw socket: each is answered 400/408 with the error XML, never 500.
/// (A client that closes its side mid-body is gone for Kestrel: there is nobody left to answer.)
/// </summary>
public sealed class BodyReadTests
{
    private const string Walk = "services/hostedservices/svc/deploymentslots/production/?comp=walkupgradedomain";

    [Fact(Timeout = 60000)]
    public async Task A_malformed_chunk_size_is_BadRequest()
    {
        await using var emulator = await StartAsync();
        var answer = await SendRawAsync(emulator, Head("Transfer-Encoding: chunked") + "ZZ\r\nabc\r\n0\r\n\r\n");
        AssertError(answer, 400, "BadRequest");
    }

    [Fact(Timeout = 60000)]
    public async Task A_body_shorter_than_its_content_length_that_stops_arriving_is_RequestTimeout()
    {
        // Kestrel's minimum body data rate (240 bytes/s after a 5 s grace period) ends the wait, not the test.
        await using var emulator = await StartAsync();
        var answer = await SendRawAsync(emulator, Head("Content-Length: 500") + "<WalkUpgradeDomain");
        AssertError(answer, 408, "RequestTimeout");
    }

    private static string Head(string framing) =>
        $"POST /{Subscription}/{Walk} HTTP/1.1\r\nHost: 127.0.0.1\r\nx-ms-version: {ApiVersion}\r\nContent-Type: application/xml\r\n{framing}\r\n\r\n";

    /// <summary>Writes <paramref name="request"/> and reads the whole answer (the server closes the connection after it).</summary>
    private static async Task<string> SendRawAsync(TestEmulator emulator, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(emulator.Host.BaseAddress.Host, emulator.Host.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer, timeout.Token);
        return Encoding.UTF8.GetString(answer.ToArray());
    }

    private static void AssertError(string answer, int status, string code)
    {
        Assert.True(answer.StartsWith($"HTTP/1.1 {status} ", StringComparison.Ordinal), "answer: " + answer);
        Assert.Contains("x-ms-request-id: ", answer);
        var body = answer.Substring(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4);
        var error = XDocument.Parse(body).Root!;
        Assert.Equal(Ns + "Error", error.Name);
        Assert.Equal(code, error.Element(Ns + "Code")!.Value);
    }
}
