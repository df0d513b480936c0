using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Cmdlets;

/// <summary>Answers the emulator never gives (failed operations, 403, garbage), from a scripted server.</summary>
public sealed class ServerAnswerTests
{
    private const string OperationId = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task A_failed_operation_is_output_finished_and_written_as_OperationFailed()
    {
        await using var server = new ScriptedServer(request =>
            request.Method == "POST"
                ? new ScriptedResponse(202)
                : new ScriptedResponse(200, ScriptedServer.OperationXml(OperationId, "Failed", 400, "BadRequest", "The package is not valid.")));
        using PowerShellSession session = PowerShellSession.Open().Connect(server.Endpoint, Guid.NewGuid().ToString());

        ScriptResult r = session.Run(
            "New-Deployment -ServiceName svc -Slot Staging -DeploymentName d1 -Package https://example.test/p.cspkg " +
            "-Configuration '<ServiceConfiguration><Role name=\"R\"><Instances count=\"1\" /></Role></ServiceConfiguration>' -Wait");

        PSObject operation = r.Single();
        Assert.Equal("Failed", operation.Text("Status"));
        Assert.Equal(400, operation.Prop("HttpStatusCode"));
        Assert.Equal("BadRequest", operation.Text("ErrorCode"));
        Assert.Equal("The package is not valid.", operation.Text("ErrorMessage"));
        Assert.NotNull(operation.Prop("EndTime"));
        ErrorRecord error = Assert.Single(r.Errors);
        Assert.StartsWith("ClassicDeploy.OperationFailed,", error.FullyQualifiedErrorId);
        Assert.Contains("The package is not valid.", error.ToString());
    }

    [Fact]
    public async Task Forbidden_is_PermissionDenied_with_the_server_code()
    {
        await using var server = new ScriptedServer(_ => new ScriptedResponse(403, ScriptedServer.ErrorXml("ForbiddenError", "The server failed to authenticate the request.")));
        using PowerShellSession session = PowerShellSession.Open().Connect(server.Endpoint, Guid.NewGuid().ToString());

        ErrorRecord error = Assert.Single(session.Run("Get-CloudService").Errors);
        Assert.StartsWith("ClassicDeploy.ForbiddenError,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("failed to authenticate", error.ToString());
    }

    [Fact]
    public async Task A_garbled_answer_is_InvalidResponse()
    {
        await using var server = new ScriptedServer(_ => new ScriptedResponse(200, "<html><body>Sign in</body></html>", ContentType: "text/html"));
        using PowerShellSession session = PowerShellSession.Open().Connect(server.Endpoint, Guid.NewGuid().ToString());

        ErrorRecord error = Assert.Single(session.Run("Get-Deployment -ServiceName svc -Slot Production").Errors);
        Assert.StartsWith("ClassicDeploy.InvalidResponse,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Equal("svc/Production", error.TargetObject.ToString());
    }

    [Fact]
    public async Task Nothing_listening_is_ConnectionFailed()
    {
        Uri endpoint;
        await using (var server = new ScriptedServer(_ => new ScriptedResponse(200)))
        {
            endpoint = server.Endpoint;
        }

        using PowerShellSession session = PowerShellSession.Open().Connect(endpoint, Guid.NewGuid().ToString());
        ErrorRecord error = Assert.Single(session.Run("Get-CloudService -ServiceName svc").Errors);
        Assert.StartsWith("ClassicDeploy.ConnectionFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
    }
}
