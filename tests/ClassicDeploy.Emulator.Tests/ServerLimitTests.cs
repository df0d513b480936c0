using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests;

/// <summary>Requests over the header and URI limits get the error XML and a request id, not the web server's bare answer.</summary>
public sealed class ServerLimitTests
{
    [Fact]
    public async Task Headers_over_32_KB_are_431_with_the_error_XML()
    {
        await using var emulator = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, P("services/hostedservices"));
        request.Headers.Add("x-ms-version", ApiVersion);
        request.Headers.Add("x-padding", new string('a', 40 * 1024));
        using var response = await emulator.Client.SendAsync(request);
        await AssertErrorAsync(response, (HttpStatusCode)431, "RequestHeaderFieldsTooLarge");
    }

    [Fact]
    public async Task More_than_100_headers_are_431_with_the_error_XML()
    {
        await using var emulator = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, P("services/hostedservices"));
        request.Headers.Add("x-ms-version", ApiVersion);
        for (var i = 0; i < 120; i++)
        {
            request.Headers.Add("x-h" + i, "v");
        }

        using var response = await emulator.Client.SendAsync(request);
        await AssertErrorAsync(response, (HttpStatusCode)431, "RequestHeaderFieldsTooLarge");
    }

    [Fact]
    public async Task A_request_URI_over_8_KB_is_414_with_the_error_XML()
    {
        await using var emulator = await StartAsync();
        using var response = await emulator.GetAsync("services/hostedservices?x=" + new string('a', 9 * 1024));
        await AssertErrorAsync(response, HttpStatusCode.RequestUriTooLong, "RequestUriTooLong");
    }

    [Fact]
    public async Task Requests_within_the_limits_are_served()
    {
        await using var emulator = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, P("services/hostedservices?x=" + new string('a', 7 * 1024)));
        request.Headers.Add("x-ms-version", ApiVersion);
        request.Headers.Add("x-padding", new string('a', 24 * 1024));
        using var response = await emulator.Client.SendAsync(request);
        await XmlAsync(response);
    }
}
