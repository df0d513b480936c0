using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Security;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Models;
using ClassicDeploy.Wire;

namespace ClassicDeploy.Client;

/// <summary>The Service Management REST API over one HttpClient, with safe retries and adaptive polling.</summary>
public sealed class ServiceManagementClient : IDisposable
{
    private static readonly HttpMethod Delete = HttpMethod.Delete;

    private readonly HttpClient _http;
    private readonly HttpSender _sender;

    public ServiceManagementClient(ServiceManagementClientOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.Endpoint == null || !options.Endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException("Endpoint must be an absolute URI.", nameof(options));
        }

        if (string.IsNullOrEmpty(options.SubscriptionId))
        {
            throw new ArgumentException("SubscriptionId is required.", nameof(options));
        }

        HttpMessageHandler handler = options.Handler ?? CreateHandler(options);
        _http = new HttpClient(handler, disposeHandler: options.Handler == null) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _sender = new HttpSender(_http, options);
        string endpoint = options.Endpoint.AbsoluteUri;
        BaseUri = (endpoint.EndsWith("/", StringComparison.Ordinal) ? endpoint : endpoint + "/") + Uri.EscapeDataString(options.SubscriptionId) + "/";
    }

    public ServiceManagementClientOptions Options { get; }

    /// <summary>The clock for polling timeouts (tests inject a fake one).</summary>
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How the poller waits between polls (tests record the intervals instead of waiting).</summary>
    internal Func<TimeSpan, CancellationToken, Task> PollDelay { get; set; } = (delay, ct) => Task.Delay(delay, ct);

    private string BaseUri { get; }

    public async Task<IReadOnlyList<CloudService>> ListHostedServicesAsync(CancellationToken ct)
    {
        HttpResult result = await GetAsync(Services(), ct).ConfigureAwait(false);
        return Parse(result, ResponseParser.HostedServices);
    }

    public async Task<CloudService> GetHostedServiceAsync(string serviceName, bool embedDetail, CancellationToken ct)
    {
        string uri = Service(serviceName) + (embedDetail ? "?embed-detail=true" : string.Empty);
        HttpResult result = await GetAsync(uri, ct).ConfigureAwait(false);
        return Parse(result, ResponseParser.HostedService);
    }

    public async Task<AcceptedOperation> CreateHostedServiceAsync(CreateHostedServiceRequest request, CancellationToken ct) =>
        await CreateHostedServiceAsync(RequestBody.Of(Required(request)), ct).ConfigureAwait(false);

    internal async Task<AcceptedOperation> CreateHostedServiceAsync(RequestBody body, CancellationToken ct) =>
        await MutateAsync(HttpMethod.Post, Services(), body.Xml, ct).ConfigureAwait(false);

    public async Task<Deployment> GetDeploymentAsync(DeploymentTarget target, CancellationToken ct)
    {
        HttpResult result = await GetAsync(DeploymentPath(target), ct).ConfigureAwait(false);
        return Parse(result, body => ResponseParser.Deployment(body, target.ServiceName));
    }

    public async Task<AcceptedOperation> CreateDeploymentAsync(string serviceName, DeploymentSlot slot, CreateDeploymentRequest request, CancellationToken ct) =>
        await CreateDeploymentAsync(serviceName, slot, RequestBody.Of(Required(request)), ct).ConfigureAwait(false);

    internal async Task<AcceptedOperation> CreateDeploymentAsync(string serviceName, DeploymentSlot slot, RequestBody body, CancellationToken ct) =>
        await MutateAsync(HttpMethod.Post, DeploymentPath(DeploymentTarget.BySlot(serviceName, slot)), body.Xml, ct).ConfigureAwait(false);

    public async Task<AcceptedOperation> DeleteDeploymentAsync(DeploymentTarget target, CancellationToken ct) =>
        await MutateAsync(Delete, DeploymentPath(target), null, ct).ConfigureAwait(false);

    public async Task<AcceptedOperation> UpgradeDeploymentAsync(DeploymentTarget target, UpgradeDeploymentRequest request, CancellationToken ct) =>
        await UpgradeDeploymentAsync(target, RequestBody.Of(Required(request)), ct).ConfigureAwait(false);

    internal async Task<AcceptedOperation> UpgradeDeploymentAsync(DeploymentTarget target, RequestBody body, CancellationToken ct) =>
        await MutateAsync(HttpMethod.Post, DeploymentPath(target) + "/?comp=upgrade", body.Xml, ct).ConfigureAwait(false);

    public async Task<AcceptedOperation> WalkUpgradeDomainAsync(DeploymentTarget target, WalkUpgradeDomainRequest request, CancellationToken ct) =>
        await WalkUpgradeDomainAsync(target, RequestBody.Of(Required(request)), ct).ConfigureAwait(false);

    internal async Task<AcceptedOperation> WalkUpgradeDomainAsync(DeploymentTarget target, RequestBody body, CancellationToken ct) =>
        await MutateAsync(HttpMethod.Post, DeploymentPath(target) + "/?comp=walkupgradedomain", body.Xml, ct).ConfigureAwait(false);

    public async Task<AcceptedOperation> ChangeConfigurationAsync(DeploymentTarget target, ChangeConfigurationRequest request, CancellationToken ct) =>
        await ChangeConfigurationAsync(target, RequestBody.Of(Required(request)), ct).ConfigureAwait(false);

    internal async Task<AcceptedOperation> ChangeConfigurationAsync(DeploymentTarget target, RequestBody body, CancellationToken ct) =>
        await MutateAsync(HttpMethod.Post, DeploymentPath(target) + "/?comp=config", body.Xml, ct).ConfigureAwait(false);

    public async Task<AcceptedOperation> SwapDeploymentAsync(string serviceName, SwapDeploymentRequest request, CancellationToken ct) =>
        await SwapDeploymentAsync(serviceName, RequestBody.Of(Required(request)), ct).ConfigureAwait(false);

    internal async Task<AcceptedOperation> SwapDeploymentAsync(string serviceName, RequestBody body, CancellationToken ct) =>
        await MutateAsync(HttpMethod.Post, Service(serviceName), body.Xml, ct).ConfigureAwait(false);

    public async Task<AcceptedOperation> RollbackUpdateOrUpgradeAsync(DeploymentTarget target, RollbackUpdateOrUpgradeRequest request, CancellationToken ct) =>
        await RollbackUpdateOrUpgradeAsync(target, RequestBody.Of(Required(request)), ct).ConfigureAwait(false);

    internal async Task<AcceptedOperation> RollbackUpdateOrUpgradeAsync(DeploymentTarget target, RequestBody body, CancellationToken ct) =>
        await MutateAsync(HttpMethod.Post, DeploymentPath(target) + "/?comp=rollback", body.Xml, ct).ConfigureAwait(false);

    public async Task<OperationStatus> GetOperationStatusAsync(string requestId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(requestId) || requestId.IndexOf('/') >= 0)
        {
            throw new RequestValidationException("RequestId is required and must not contain '/'.", "RequestId");
        }

        HttpResult result = await GetAsync(BaseUri + "operations/" + Uri.EscapeDataString(requestId), ct).ConfigureAwait(false);
        return Parse(result, ResponseParser.Operation);
    }

    /// <summary>
    /// List Subscription Operations: one page of the operations started between <paramref name="startTime"/>
    /// and <paramref name="endTime"/>, optionally only those on one object (the path of a GET on it) or in
    /// one state; pass the page's ContinuationToken to get the next one.
    /// </summary>
    public async Task<SubscriptionOperationList> ListSubscriptionOperationsAsync(
        DateTime startTime, DateTime endTime, string? objectIdFilter, OperationState? status, string? continuationToken, CancellationToken ct)
    {
        if (endTime < startTime)
        {
            throw new RequestValidationException("EndTime is earlier than StartTime.", "EndTime");
        }

        var uri = new System.Text.StringBuilder(BaseUri).Append("operations?StartTime=").Append(UtcText(startTime)).Append("&EndTime=").Append(UtcText(endTime));
        if (!string.IsNullOrEmpty(objectIdFilter))
        {
            uri.Append("&ObjectIdFilter=").Append(Uri.EscapeDataString(objectIdFilter!));
        }

        if (status != null)
        {
            uri.Append("&OperationResultFilter=").Append(status.Value.ToString());
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            uri.Append("&ContinuationToken=").Append(Uri.EscapeDataString(continuationToken!));
        }

        HttpResult result = await GetAsync(uri.ToString(), ct).ConfigureAwait(false);
        return Parse(result, ResponseParser.SubscriptionOperations);
    }

    /// <summary>Every page of List Subscription Operations for the window and filters, in the service's order.</summary>
    public async Task<IReadOnlyList<SubscriptionOperation>> ListAllSubscriptionOperationsAsync(
        DateTime startTime, DateTime endTime, string? objectIdFilter, OperationState? status, CancellationToken ct)
    {
        var all = new List<SubscriptionOperation>();
        string? token = null;
        do
        {
            SubscriptionOperationList page = await ListSubscriptionOperationsAsync(startTime, endTime, objectIdFilter, status, token, ct).ConfigureAwait(false);
            all.AddRange(page.Operations);
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
        return all;
    }

    /// <summary>The path List Subscription Operations names a deployment by (its ObjectId and ObjectIdFilter).</summary>
    public string DeploymentObjectId(string serviceName, string deploymentName)
    {
        CheckName(serviceName, "ServiceName");
        CheckName(deploymentName, "DeploymentName");
        return "/" + Uri.EscapeDataString(Options.SubscriptionId) + "/services/hostedservices/" + Uri.EscapeDataString(serviceName) + "/deployments/" + Uri.EscapeDataString(deploymentName);
    }

    private static string UtcText(DateTime time) =>
        (time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Polls until Succeeded or Failed (returned, never thrown); TimeoutException after the timeout.</summary>
    public async Task<OperationStatus> WaitForOperationAsync(string requestId, Func<OperationStatus, CancellationToken, Task>? onPoll, TimeSpan? timeout, CancellationToken ct) =>
        await new OperationPoller(this, Options.Polling ?? new PollingOptions()).WaitAsync(requestId, null, onPoll, timeout, ct).ConfigureAwait(false);

    /// <summary>
    /// Waits like <see cref="WaitForOperationAsync(string, Func{OperationStatus, CancellationToken, Task}, TimeSpan?, CancellationToken)"/>,
    /// reading the deployment the operation changes where that tells when to look (and feeds progress).
    /// </summary>
    internal async Task<OperationStatus> WatchOperationAsync(string requestId, OperationWatch? watch, TimeSpan? timeout, CancellationToken ct) =>
        await new OperationPoller(this, Options.Polling ?? new PollingOptions()).WaitAsync(requestId, watch, null, timeout, ct).ConfigureAwait(false);

    public void Dispose() => _http.Dispose();

    internal static HttpClientHandler CreateHandler(ServiceManagementClientOptions options)
    {
        // The API never redirects; following one could resend a mutation or land on a sign-in page.
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
        if (options.Certificate != null)
        {
            handler.ClientCertificateOptions = ClientCertificateOption.Manual;
            handler.ClientCertificates.Add(options.Certificate);
        }

        string? pinned = NormalizeThumbprint(options.TrustedServerCertificateThumbprint);
        if (pinned != null)
        {
            handler.ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) =>
                errors == SslPolicyErrors.None
                || (certificate != null && string.Equals(certificate.Thumbprint, pinned, StringComparison.OrdinalIgnoreCase));
        }

        return handler;
    }

    internal static string? NormalizeThumbprint(string? thumbprint) =>
        string.IsNullOrWhiteSpace(thumbprint) ? null : thumbprint!.Replace(" ", string.Empty).Replace(":", string.Empty).ToUpperInvariant();

    private static T Required<T>(T request)
        where T : class =>
        request ?? throw new ArgumentNullException(nameof(request));

    private static T Parse<T>(HttpResult result, Func<string, T> parse)
    {
        try
        {
            return parse(result.Body);
        }
        catch (InvalidResponseException ex) when (ex.StatusCode == null)
        {
            throw new InvalidResponseException(
                string.Format(CultureInfo.InvariantCulture, "The service answered {0} with a response ClassicDeploy cannot read: {1}", result.StatusCode, ex.Message),
                result.StatusCode,
                result.RequestId,
                ex.InnerException ?? ex);
        }
    }

    private static void CheckName(string? name, string property)
    {
        if (string.IsNullOrEmpty(name) || name!.IndexOf('/') >= 0)
        {
            throw new RequestValidationException(property + " is required and must not contain '/'.", property);
        }
    }

    private string Services() => BaseUri + "services/hostedservices";

    private string Service(string serviceName)
    {
        CheckName(serviceName, "ServiceName");
        return Services() + "/" + Uri.EscapeDataString(serviceName);
    }

    private string DeploymentPath(DeploymentTarget target)
    {
        if (target == null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        string service = Service(target.ServiceName);
        if (target.DeploymentName != null)
        {
            CheckName(target.DeploymentName, "DeploymentName");
            return service + "/deployments/" + Uri.EscapeDataString(target.DeploymentName);
        }

        if (target.Slot == null)
        {
            throw new RequestValidationException("A deployment is addressed by Slot or DeploymentName; neither was given.", "Slot");
        }

        return service + "/deploymentslots/" + (target.Slot == DeploymentSlot.Production ? "production" : "staging");
    }

    private async Task<HttpResult> GetAsync(string uri, CancellationToken ct)
    {
        HttpResult result = await _sender.SendAsync(HttpMethod.Get, new Uri(uri), null, ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw Failure(result, "GET", uri);
        }

        return result;
    }

    private async Task<AcceptedOperation> MutateAsync(HttpMethod method, string uri, string? body, CancellationToken ct)
    {
        HttpResult result = await _sender.SendAsync(method, new Uri(uri), body, ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            throw Failure(result, method.Method, uri);
        }

        if (string.IsNullOrEmpty(result.RequestId))
        {
            throw new InvalidResponseException(
                string.Format(CultureInfo.InvariantCulture, "The service accepted {0} {1} with {2} but sent no x-ms-request-id, so the operation cannot be tracked.", method.Method, uri, result.StatusCode),
                result.StatusCode);
        }

        return new AcceptedOperation { RequestId = result.RequestId!, HttpStatusCode = result.StatusCode };
    }

    private static ServiceManagementException Failure(HttpResult result, string method, string uri)
    {
        var error = ResponseParser.Error(result.Body);
        if (error?.Message != null)
        {
            return new ServiceManagementException(result.StatusCode, error.Value.Code, error.Value.Message, result.RequestId);
        }

        string message = string.Format(
            CultureInfo.InvariantCulture,
            "{0} {1} failed with {2} {3} and no error details.",
            method,
            uri,
            result.StatusCode,
            result.ReasonPhrase ?? string.Empty).Replace("  ", " ");
        return new ServiceManagementException(result.StatusCode, error?.Code, message, result.RequestId);
    }
}
