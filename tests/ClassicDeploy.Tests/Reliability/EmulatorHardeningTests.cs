using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ClassicDeploy.Emulator;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Reliability;

/// <summary>
/// Hostile request bodies sent straight to the emulator are refused with an error (not expanded, not parsed to
/// exhaustion), nothing changes, and the module keeps working against the same emulator afterwards. The
/// emulator's own suite covers the top-level cases; these add the ones hidden inside the base64 configuration.
/// </summary>
public sealed class EmulatorHardeningTests : IAsyncLifetime
{
    private const string Ns = "http://schemas.microsoft.com/windowsazure";
    private const string BillionLaughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
        "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">" +
        "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\"><!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">" +
        "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\"><!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">" +
        "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\"><!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>";

    private EmulatorHost _host = null!;
    private PowerShellSession _session = null!;
    private HttpClient _http = null!;
    private Uri _upgradeUri = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { InMemory = true, UpgradeDomainDuration = TimeSpan.FromMilliseconds(10) });
        string subscription = Guid.NewGuid().ToString();
        _session = PowerShellSession.Open(_host.BaseAddress, subscription);
        _session.Expect(Scenario.Prelude + "; " + Scenario.CreateService("hard"));
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Add("x-ms-version", "2017-01-01");
        _upgradeUri = new Uri(_host.BaseAddress, $"{subscription}/services/hostedservices/hard/deploymentslots/production/?comp=upgrade");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _session.Dispose();
        await _host.DisposeAsync();
    }

    public static TheoryData<string, string> HostileBodies => new()
    {
        { "billion laughs at the top level", BillionLaughs + $"<UpgradeDeployment xmlns=\"{Ns}\"><Mode>&lol9;</Mode></UpgradeDeployment>" },
        { "DTD with an external entity", $"<?xml version=\"1.0\"?><!DOCTYPE u [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><UpgradeDeployment xmlns=\"{Ns}\"><Mode>&x;</Mode></UpgradeDeployment>" },
        { "100,000 nested elements", $"<UpgradeDeployment xmlns=\"{Ns}\">" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</UpgradeDeployment>" },
        { "billion laughs inside the base64 configuration", Upgrade(BillionLaughs + "<ServiceConfiguration><Role name=\"WebRole1\"><Instances count=\"2\" />&lol9;</Role></ServiceConfiguration>") },
        { "100,000 nested elements inside the base64 configuration", Upgrade("<ServiceConfiguration><Role name=\"WebRole1\"><Instances count=\"2\" />" + string.Concat(Enumerable.Repeat("<x>", 100_000)) + string.Concat(Enumerable.Repeat("</x>", 100_000)) + "</Role></ServiceConfiguration>") },
        { "a 5 MB label", Upgrade(Scenario.TwoInstanceConfiguration, new string('L', 5 * 1024 * 1024)) },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task A_hostile_upgrade_body_is_refused_and_changes_nothing(string what, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/xml");
        using HttpResponseMessage response = await _http.PostAsync(_upgradeUri, content);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{what}: got {(int)response.StatusCode}");
        string error = await response.Content.ReadAsStringAsync();
        Assert.Contains("<Code>", error, StringComparison.Ordinal);
        Assert.DoesNotContain("lollollol", error, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error, StringComparison.Ordinal);
        AssertDeploymentUntouched();
    }

    [Fact]
    public async Task Hostile_bodies_in_parallel_do_not_stop_the_module_from_working()
    {
        Task<HttpResponseMessage>[] attacks = Enumerable.Range(0, 8).Select(i =>
            _http.PostAsync(_upgradeUri, new StringContent(i % 2 == 0 ? BillionLaughs + $"<UpgradeDeployment xmlns=\"{Ns}\">&lol9;</UpgradeDeployment>" : new string('<', 5 * 1024 * 1024), Encoding.UTF8, "application/xml"))).ToArray();
        ScriptResult result = _session.Run(Scenario.Prelude +
            "; Invoke-UpgradeDeployment -ServiceName hard -Slot Production -Mode Auto -Package $pkg -Configuration $cfg -Label v2 -Wait; Get-Deployment -ServiceName hard -Slot Production");
        HttpResponseMessage[] responses = await Task.WhenAll(attacks);

        Assert.True(result.Errors.Count == 0, result.ErrorText);
        Assert.Equal("v2", result.Output.Last().Properties["Label"].Value);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"got {(int)r.StatusCode}"));
        Array.ForEach(responses, r => r.Dispose());
    }

    private void AssertDeploymentUntouched()
    {
        PSObject deployment = Assert.Single(_session.Expect("Get-Deployment -ServiceName hard -Slot Production"));
        Assert.Equal("v1", deployment.Properties["Label"].Value);
        Assert.Null(deployment.Properties["UpgradeStatus"].Value);
        Assert.False((bool)deployment.Properties["Locked"].Value);
    }

    private static string Upgrade(string configuration, string label = "v2") =>
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><UpgradeDeployment xmlns=\"{Ns}\"><Mode>Auto</Mode><PackageUrl>{Scenario.SasPackageUrl.Replace("&", "&amp;", StringComparison.Ordinal)}</PackageUrl>" +
        $"<Configuration>{Convert.ToBase64String(Encoding.UTF8.GetBytes(configuration))}</Configuration><Label>{Convert.ToBase64String(Encoding.UTF8.GetBytes(label))}</Label>" +
        "<Force>false</Force></UpgradeDeployment>";
}
