using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// Sets up services and deployments in an emulator with hand-written wire XML, so the set-up costs nothing
/// from the module under measurement. Also the "raw HttpClient" side of the cmdlet-overhead comparison.
/// </summary>
internal sealed class RawManagement : IDisposable
{
    public const string PackageUrl = "https://packages.example.invalid/app/v1.cspkg";
    private const string Ns = "http://schemas.microsoft.com/windowsazure";

    private readonly HttpClient _http;

    public RawManagement(Uri baseAddress, string subscriptionId)
    {
        SubscriptionId = subscriptionId;
        Root = new Uri(baseAddress, subscriptionId + "/");
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Add("x-ms-version", "2017-01-01");
    }

    public string SubscriptionId { get; }

    public Uri Root { get; }

    public static string Configuration(int instances) =>
        "<ServiceConfiguration serviceName=\"app\" xmlns=\"http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration\">" +
        $"<Role name=\"WebRole1\"><Instances count=\"{instances}\" /></Role></ServiceConfiguration>";

    public Uri DeploymentUri(string service) => new(Root, $"services/hostedservices/{service}/deploymentslots/production");

    /// <summary>The Upgrade Deployment body a hand-written script sends (Auto mode, same package, a new label).</summary>
    public static string UpgradeBody(string label, int instances) =>
        $"<UpgradeDeployment xmlns=\"{Ns}\"><Mode>Auto</Mode><PackageUrl>{PackageUrl}</PackageUrl><Configuration>{B64(Configuration(instances))}</Configuration>" +
        $"<Label>{B64(label)}</Label><Force>false</Force></UpgradeDeployment>";

    public Uri UpgradeUri(string service) => new(Root, $"services/hostedservices/{service}/deploymentslots/production/?comp=upgrade");

    public Uri OperationUri(string requestId) => new(Root, "operations/" + requestId);

    /// <summary>Starts an Auto upgrade; its request id.</summary>
    public Task<string> UpgradeAsync(string service, string label, int instances) => PostAsync(UpgradeUri(service), UpgradeBody(label, instances));

    /// <summary>Get Operation Status; true once the operation is no longer InProgress.</summary>
    public async Task<bool> IsDoneAsync(string requestId)
    {
        string xml = await _http.GetStringAsync(OperationUri(requestId)).ConfigureAwait(false);
        return XDocument.Parse(xml).Root!.Element(XName.Get("Status", Ns))!.Value != "InProgress";
    }

    /// <summary>A hosted service with a running production deployment named <c>&lt;service&gt;-prod</c>; the create operation's id.</summary>
    public async Task<string> CreateServiceAsync(string service, int instances)
    {
        await PostAsync(new Uri(Root, "services/hostedservices"),
            $"<CreateHostedService xmlns=\"{Ns}\"><ServiceName>{service}</ServiceName><Label>{B64(service)}</Label><Location>West Europe</Location></CreateHostedService>")
            .ConfigureAwait(false);
        string op = await PostAsync(DeploymentUri(service),
            $"<CreateDeployment xmlns=\"{Ns}\"><Name>{service}-prod</Name><PackageUrl>{PackageUrl}</PackageUrl><Label>{B64("v1")}</Label>" +
            $"<Configuration>{B64(Configuration(instances))}</Configuration><StartDeployment>true</StartDeployment></CreateDeployment>").ConfigureAwait(false);
        await WaitAsync(op).ConfigureAwait(false);
        return op;
    }

    /// <summary>One GET of the deployment, body read as text (what a hand-rolled script would do).</summary>
    public async Task<string> GetDeploymentAsync(string service)
    {
        using HttpResponseMessage response = await _http.GetAsync(DeploymentUri(service)).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }

    public async Task<string> PostAsync(Uri uri, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/xml");
        using HttpResponseMessage response = await _http.PostAsync(uri, content).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {uri} -> {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        }

        return response.Headers.GetValues("x-ms-request-id").First();
    }

    private async Task WaitAsync(string requestId)
    {
        for (int i = 0; i < 600; i++)
        {
            string xml = await _http.GetStringAsync(new Uri(Root, "operations/" + requestId)).ConfigureAwait(false);
            string status = XDocument.Parse(xml).Root!.Element(XName.Get("Status", Ns))!.Value;
            if (status != "InProgress")
            {
                return;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException("operation " + requestId + " did not finish");
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public void Dispose() => _http.Dispose();
}
