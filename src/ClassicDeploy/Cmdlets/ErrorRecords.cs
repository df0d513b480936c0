using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using System.Net.Sockets;
using ClassicDeploy.Client;
using ClassicDeploy.Models;
using ClassicDeploy.Operations;

namespace ClassicDeploy.Cmdlets;

/// <summary>Turns failures into error records with stable ids: ClassicDeploy.&lt;Code&gt; and a fitting category.</summary>
internal static class ErrorRecords
{
    public const string Prefix = "ClassicDeploy.";

    /// <summary>Model property names that the cmdlets expose under another parameter name.</summary>
    private static readonly Dictionary<string, string> ParameterNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["PackageUrl"] = "Package",
        ["ExtendedProperties"] = "ExtendedProperty",
        ["Name"] = "DeploymentName",
    };

    public static ErrorRecord From(Exception exception, object? target)
    {
        exception = Unwrap(exception);
        switch (exception)
        {
            case RequestValidationException invalid:
                return InvalidParameter(invalid, target);
            case ServiceManagementException server:
                var record = new ErrorRecord(server, Prefix + (server.ErrorCode ?? FallbackCode(server.StatusCode)), Category(server.StatusCode), target);
                if (server.StatusCode == 404 && target is DeploymentTarget deployment)
                {
                    // "No deployments were found." alone does not say which, when many services were piped.
                    record.ErrorDetails = new ErrorDetails(Describe(deployment) + ": " + server.Message);
                }

                return WithHolder(record, server);
            case InvalidResponseException garbled:
                return new ErrorRecord(garbled, Prefix + "InvalidResponse", ErrorCategory.InvalidResult, target);
            case ClassicDeployException own:
                return new ErrorRecord(own, Prefix + own.ErrorId, own.Category, target);
            case WorkflowException workflow:
                return new ErrorRecord(workflow, Prefix + workflow.ErrorId, Category(workflow.Failure), target);
            case TimeoutException timeout:
                return new ErrorRecord(timeout, Prefix + "OperationTimeout", ErrorCategory.OperationTimeout, target);
            case OperationCanceledException canceled:
                // Not a Ctrl+C (that stops the pipeline): the HTTP request timed out.
                return new ErrorRecord(new TimeoutException("The request to the Service Management endpoint timed out.", canceled), Prefix + "OperationTimeout", ErrorCategory.OperationTimeout, target);
            case HttpRequestException _:
            case SocketException _:
            case IOException _:
                return new ErrorRecord(exception, Prefix + "ConnectionFailed", ErrorCategory.ConnectionError, target);
            default:
                return new ErrorRecord(exception, Prefix + "UnexpectedError", ErrorCategory.NotSpecified, target);
        }
    }

    /// <summary>
    /// A 409 from a Locked deployment names the operation holding it ("… operation with
    /// x-ms-requestid &lt;id&gt; …"): the recommended action is to wait for that operation.
    /// </summary>
    private static ErrorRecord WithHolder(ErrorRecord record, ServiceManagementException server)
    {
        if (server.StatusCode == 409 && server.Message != null)
        {
            System.Text.RegularExpressions.Match holder = LockHolder.Match(server.Message);
            if (holder.Success)
            {
                record.ErrorDetails = new ErrorDetails(server.Message)
                {
                    RecommendedAction = "Wait-DeploymentOperation -RequestId " + OperationIds.Normalize(holder.Groups[1].Value),
                };
            }
        }

        return record;
    }

    private static readonly System.Text.RegularExpressions.Regex LockHolder = new System.Text.RegularExpressions.Regex(
        "x-ms-requestid ([0-9A-Fa-f]{8}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{12})\\b",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>"Cloud service 'contoso-web', Staging slot" or "…, deployment 'prod-v1'".</summary>
    public static string Describe(DeploymentTarget target) =>
        target.DeploymentName != null
            ? $"Cloud service '{target.ServiceName}', deployment '{target.DeploymentName}'"
            : target.Slot != null ? $"Cloud service '{target.ServiceName}', {target.Slot} slot" : $"Cloud service '{target.ServiceName}'";

    /// <summary>The cmdlet parameter that carries a model property.</summary>
    public static string ParameterName(string? property) =>
        property is null ? "(unknown)" : ParameterNames.TryGetValue(property, out string? name) ? name : property;

    public static ErrorCategory Category(int statusCode)
    {
        switch (statusCode)
        {
            case 400: return ErrorCategory.InvalidArgument;
            case 401:
            case 403: return ErrorCategory.PermissionDenied;
            case 404: return ErrorCategory.ObjectNotFound;
            case 409: return ErrorCategory.ResourceBusy;
            default: return statusCode >= 500 ? ErrorCategory.ConnectionError : ErrorCategory.NotSpecified;
        }
    }

    private static ErrorCategory Category(WorkflowFailure failure)
    {
        switch (failure)
        {
            case WorkflowFailure.ObjectNotFound: return ErrorCategory.ObjectNotFound;
            case WorkflowFailure.InvalidResult: return ErrorCategory.InvalidResult;
            default: return ErrorCategory.InvalidOperation;
        }
    }

    private static ErrorRecord InvalidParameter(RequestValidationException invalid, object? target)
    {
        string parameter = ParameterName(invalid.ParamName);
        var record = new ErrorRecord(invalid, Prefix + "InvalidParameter", ErrorCategory.InvalidArgument, target)
        {
            ErrorDetails = new ErrorDetails($"Cannot validate argument on parameter '{parameter}'. {invalid.Message}"),
        };
        return record;
    }

    private static string FallbackCode(int statusCode)
    {
        switch (statusCode)
        {
            case 400: return "BadRequest";
            case 403: return "ForbiddenError";
            case 404: return "ResourceNotFound";
            case 409: return "ConflictError";
            case 503: return "ServiceUnavailable";
            default: return statusCode >= 500 ? "InternalError" : "HttpError" + statusCode;
        }
    }

    private static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)
        {
            exception = aggregate.InnerExceptions[0];
        }

        return exception;
    }
}
