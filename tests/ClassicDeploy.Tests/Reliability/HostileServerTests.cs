using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Reliability;

/// <summary>
/// The module against a server that answers badly: every answer ends in one clear ErrorRecord, never a crash
/// (NullReferenceException and friends) and never a hang (each script is bounded by a timeout).
/// </summary>
public sealed class HostileServerTests : IAsyncLifetime
{
    private const string Ns = "http://schemas.microsoft.com/windowsazure";
    private const string GetDeployment = "Get-Deployment -ServiceName svc1 -Slot Production";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);

    private readonly ScriptedServer _server;
    private volatile string _answer = ScriptedServer.RawResponse(200, "text/plain", string.Empty);
    private PowerShellSession _session = null!;

    public HostileServerTests() => _server = new ScriptedServer(_ => ScriptedResponse.Verbatim(_answer));

    public Task InitializeAsync()
    {
        _session = PowerShellSession.Open(_server.Endpoint, Guid.NewGuid().ToString());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _session.Dispose();
        await _server.DisposeAsync();
    }

    public static TheoryData<string, string> GarbledDeployments => new()
    {
        { "truncated XML", $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Deployment xmlns=\"{Ns}\"><Name>svc1-prod</Name><DeploymentSlot>Produc" },
        { "wrong namespace", $"<Deployment xmlns=\"http://example.invalid/not-azure\">{DeploymentBody("Production")}</Deployment>" },
        { "wrong root element", $"<HostedService xmlns=\"{Ns}\"><ServiceName>svc1</ServiceName></HostedService>" },
        { "unknown slot value", $"<Deployment xmlns=\"{Ns}\">{DeploymentBody("Bogus")}</Deployment>" },
        { "DTD with entities", $"<!DOCTYPE Deployment [<!ENTITY x \"xxxxxxxx\">]><Deployment xmlns=\"{Ns}\">{DeploymentBody("Production").Replace("svc1-prod", "&x;", StringComparison.Ordinal)}</Deployment>" },
        { "JSON instead of XML", "{\"Name\":\"svc1-prod\",\"DeploymentSlot\":\"Production\"}" },
    };

    [Theory]
    [MemberData(nameof(GarbledDeployments))]
    public void A_garbled_deployment_is_an_invalid_response_error(string what, string body)
    {
        _answer = ScriptedServer.RawResponse(200, "application/xml; charset=utf-8", body);

        ErrorRecord error = SingleError(_session.Run(GetDeployment, Bound), what);

        Assert.StartsWith("ClassicDeploy.InvalidResponse,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
    }

    [Fact]
    public void An_html_page_with_200_is_an_invalid_response_error()
    {
        _answer = ScriptedServer.RawResponse(200, "text/html", "<!DOCTYPE html><html><head><title>Sign in to the proxy</title></head><body><p>Sign in</p></body></html>");

        ErrorRecord error = SingleError(_session.Run(GetDeployment, Bound), "html page");

        Assert.StartsWith("ClassicDeploy.InvalidResponse,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_200_is_an_invalid_response_error()
    {
        _answer = ScriptedServer.RawResponse(200, "application/xml", string.Empty);

        ErrorRecord error = SingleError(_session.Run(GetDeployment, Bound), "empty body");

        Assert.StartsWith("ClassicDeploy.InvalidResponse,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void An_html_error_page_instead_of_an_error_body_keeps_the_status()
    {
        _answer = ScriptedServer.RawResponse(404, "text/html", "<html><body><h1>404 Not Found</h1><hr>nginx</body></html>", requestId: false);

        ErrorRecord error = SingleError(_session.Run(GetDeployment, Bound), "html 404");

        Assert.StartsWith("ClassicDeploy.", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("404", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accepted_mutation_without_a_request_id_is_an_invalid_response_error()
    {
        _answer = ScriptedServer.RawResponse(202, string.Empty, string.Empty, requestId: false);

        ScriptResult result = _session.Run(
            Scenario.Prelude + "; Invoke-UpgradeDeployment -ServiceName svc1 -Slot Production -Mode Auto -Package $pkg -Configuration $cfg -Label v2", Bound);

        ErrorRecord error = SingleError(result, "202 without x-ms-request-id");
        Assert.StartsWith("ClassicDeploy.InvalidResponse,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("request", error.Exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(_server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public void An_unknown_operation_status_is_an_invalid_response_error_not_a_success()
    {
        _answer = ScriptedServer.RawResponse(200, "application/xml",
            $"<Operation xmlns=\"{Ns}\"><ID>0123456789abcdef0123456789abcdef</ID><Status>Weird</Status></Operation>");

        ScriptResult result = _session.Run("Wait-DeploymentOperation -RequestId 0123456789abcdef0123456789abcdef -Timeout '00:00:20'", Bound);

        ErrorRecord error = SingleError(result, "unknown operation status");
        Assert.StartsWith("ClassicDeploy.InvalidResponse,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("Weird", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conflict_with_a_truncated_error_body_is_still_a_clear_error()
    {
        _answer = ScriptedServer.RawResponse(409, "application/xml", $"<Error xmlns=\"{Ns}\"><Code>ConflictErr");

        ScriptResult result = _session.Run(
            Scenario.Prelude + "; Invoke-UpgradeDeployment -ServiceName svc1 -Slot Production -Mode Auto -Package $pkg -Configuration $cfg -Label v2", Bound);

        ErrorRecord error = SingleError(result, "409 truncated");
        Assert.StartsWith("ClassicDeploy.", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("409", error.Exception.Message + " " + error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Single(_server.Requests, r => r.Method == "POST");
    }

    [Fact]
    public void A_server_that_does_not_speak_http_is_a_connection_error()
    {
        _answer = "SSH-2.0-OpenSSH_9.6\r\n\r\n";

        ErrorRecord error = SingleError(_session.Run(GetDeployment, Bound), "not http");

        Assert.StartsWith("ClassicDeploy.", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
    }

    private static ErrorRecord SingleError(ScriptResult result, string what)
    {
        Assert.True(result.Errors.Count == 1, $"{what}: expected exactly one error, got {result.Errors.Count}: {result.ErrorText}");
        Assert.Empty(result.Output);
        ErrorRecord error = result.Errors.Single();
        Assert.False(string.IsNullOrWhiteSpace(error.Exception?.Message), what + ": the error has no message");
        Assert.IsNotType<NullReferenceException>(error.Exception);
        Assert.IsNotType<NullReferenceException>(error.Exception!.InnerException);
        return error;
    }

    private static string DeploymentBody(string slot) =>
        "<Name>svc1-prod</Name><DeploymentSlot>" + slot + "</DeploymentSlot><PrivateID>0123456789abcdef0123456789abcdef</PrivateID>" +
        "<Status>Running</Status><Label>djE=</Label><Url>http://svc1.cloudapp.net/</Url><Configuration>PGEvPg==</Configuration>" +
        "<RoleInstanceList /><UpgradeDomainCount>1</UpgradeDomainCount><RoleList /><Locked>false</Locked><RollbackAllowed>false</RollbackAllowed>";
}
