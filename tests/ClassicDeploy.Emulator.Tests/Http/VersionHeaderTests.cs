using System.Net;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;

namespace ClassicDeploy.Emulator.Tests.Http;

public sealed class VersionHeaderTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2017-1-1")]
    [InlineData("latest")]
    [InlineData("2009-09-30")]
    [InlineData("2099-01-01")]
    public async Task Missing_malformed_or_unknown_version_is_MissingOrIncorrectVersionHeader(string? version)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var get = await emulator.GetAsync("services/hostedservices", version);
        await TestEmulator.AssertErrorAsync(get, HttpStatusCode.BadRequest, "MissingOrIncorrectVersionHeader");
        using var post = await emulator.PostAsync("services/hostedservices/svc/deploymentslots/production/?comp=walkupgradedomain", Bodies.Walk(0), version);
        await TestEmulator.AssertErrorAsync(post, HttpStatusCode.BadRequest, "MissingOrIncorrectVersionHeader");
    }

    [Theory]
    [InlineData("2009-10-01")]
    [InlineData("2012-03-01")]
    [InlineData("2014-06-01")]
    [InlineData("2017-01-01")]
    public async Task Real_dated_versions_are_accepted(string version)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetAsync("services/hostedservices", version);
        var root = await TestEmulator.XmlAsync(response);
        Assert.Equal(TestEmulator.Ns + "HostedServices", root.Name);
    }

    [Fact]
    public async Task Version_is_checked_before_the_resource_is_looked_up()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetAsync("services/hostedservices/nosuch", null);
        await TestEmulator.AssertErrorAsync(response, HttpStatusCode.BadRequest, "MissingOrIncorrectVersionHeader");
    }
}
