using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml;
using ClassicDeploy.Emulator;

namespace ClassicDeploy.Benchmarks;

/// <summary>
/// (c) Per-call cost of <c>Get-Deployment</c> in real pwsh against, in the same process and rounds,
/// <c>Invoke-RestMethod</c> of the same URI and a hand-written <c>[xml]$http.GetStringAsync(uri)</c> over one
/// HttpClient; plus the module's client library called from the same loop (the cmdlet's request, retries and typed
/// parse, without the cmdlet), the same HttpClient GET and XmlDocument parse in C# (no PowerShell at all) and
/// PowerShell's own cost of invoking a command, and the floor of any cmdlet sending this request (a compiled no-op
/// cmdlet with the same parameters next to the client library call). Each ratio is the median of the per-round ratios.
/// </summary>
internal static class CmdletOverheadBenchmark
{
    public const double TargetVersusXml = 1.3;
    public const double TargetVersusRestMethod = 0.35;

    public static async Task<IReadOnlyList<BenchmarkResult>> RunAsync(int iterations, int rounds)
    {
        await using EmulatorHost host = await EmulatorHost.StartAsync(new EmulatorOptions { InMemory = true }).ConfigureAwait(false);
        string subscription = Guid.NewGuid().ToString();
        using var raw = new RawManagement(host.BaseAddress, subscription);
        await raw.CreateServiceAsync("overhead", 4).ConfigureAwait(false);
        string uri = raw.DeploymentUri("overhead").ToString();
        string script =
            $"Import-Module {Pwsh.Quote(RepoPaths.ModuleManifest)}\n" +
            $"Connect-ClassicDeploy -SubscriptionId {Pwsh.Quote(subscription)} -Endpoint {Pwsh.Quote(host.BaseAddress.ToString())}\n" +
            $"$u = {Pwsh.Quote(uri)}; $h = @{{ 'x-ms-version' = '2017-01-01' }}; $n = {iterations}\n" +
            "$http = [System.Net.Http.HttpClient]::new(); $http.DefaultRequestHeaders.Add('x-ms-version', '2017-01-01')\n" +
            // Each loop is written out (no scriptblock invocation per call), as a user's loop would be.
            "function Measure-Cmdlet { $sw = [Diagnostics.Stopwatch]::StartNew(); for ($i = 0; $i -lt $n; $i++) { $null = Get-Deployment -ServiceName overhead -Slot Production }; $sw.Elapsed.TotalMilliseconds * 1000 / $n }\n" +
            "function Measure-Irm { $sw = [Diagnostics.Stopwatch]::StartNew(); for ($i = 0; $i -lt $n; $i++) { $null = Invoke-RestMethod -Uri $u -Headers $h }; $sw.Elapsed.TotalMilliseconds * 1000 / $n }\n" +
            "function Measure-Xml { $sw = [Diagnostics.Stopwatch]::StartNew(); for ($i = 0; $i -lt $n; $i++) { $null = [xml]$http.GetStringAsync($u).GetAwaiter().GetResult() }; $sw.Elapsed.TotalMilliseconds * 1000 / $n }\n" +
            // The module's own client library, called from the same loop: the request, retry pipeline and typed parse without the cmdlet.
            "$ctx = Get-ClassicDeployContext; $cl = $ctx.GetType().GetProperty('Client', [Reflection.BindingFlags]'NonPublic,Instance').GetValue($ctx)\n" +
            "$t = [ClassicDeploy.Client.DeploymentTarget]::BySlot('overhead', 'Production'); $none = [Threading.CancellationToken]::None\n" +
            "function Measure-Client { $sw = [Diagnostics.Stopwatch]::StartNew(); for ($i = 0; $i -lt $n; $i++) { $null = $cl.GetDeploymentAsync($t, $none).GetAwaiter().GetResult() }; $sw.Elapsed.TotalMilliseconds * 1000 / $n }\n" +
            "function Measure-Floor { $sw = [Diagnostics.Stopwatch]::StartNew(); for ($i = 0; $i -lt $n; $i++) { $null = Get-Date }; $sw.Elapsed.TotalMilliseconds * 1000 / $n }\n" +
            // A compiled cmdlet that binds the same two parameters and does nothing: PowerShell's cost of invoking such a
            // command; and, called next to the client library in each turn of one loop, the floor of any cmdlet that sends
            // this request (the two together cost more than their sum, as each evicts the other's code and data).
            NoRequestCmdlet +
            "function Measure-Bare { $sw = [Diagnostics.Stopwatch]::StartNew(); for ($i = 0; $i -lt $n; $i++) { $null = Test-NoRequest -ServiceName overhead -Slot Production }; $sw.Elapsed.TotalMilliseconds * 1000 / $n }\n" +
            "function Measure-BareClient { $sw = [Diagnostics.Stopwatch]::StartNew(); for ($i = 0; $i -lt $n; $i++) { $null = Test-NoRequest -ServiceName overhead -Slot Production; $null = $cl.GetDeploymentAsync($t, $none).GetAwaiter().GetResult() }; $sw.Elapsed.TotalMilliseconds * 1000 / $n }\n" +
            "for ($k = 0; $k -lt 3; $k++) { $null = Measure-Cmdlet; $null = Measure-Irm; $null = Measure-Xml; $null = Measure-Client; $null = Measure-Floor; $null = Measure-Bare; $null = Measure-BareClient }\n" +
            "$r = @{ cmdlet = @(); irm = @(); xml = @(); client = @(); floor = @(); bare = @(); bareclient = @() }\n" +
            $"for ($k = 0; $k -lt {rounds}; $k++) {{ $r.cmdlet += Measure-Cmdlet; $r.irm += Measure-Irm; $r.xml += Measure-Xml; $r.client += Measure-Client; $r.floor += Measure-Floor; $r.bare += Measure-Bare; $r.bareclient += Measure-BareClient }}\n" +
            "[pscustomobject]$r | ConvertTo-Json -Compress\n";
        JsonElement result = await Pwsh.RunAsync(script, TimeSpan.FromMinutes(8)).ConfigureAwait(false);
        double[] cmdlet = Values(result, "cmdlet");
        double[] irm = Values(result, "irm");
        double[] xml = Values(result, "xml");
        double[] client = Values(result, "client");
        double[] floor = Values(result, "floor");
        double[] bare = Values(result, "bare");
        double[] bareClient = Values(result, "bareclient");

        // The same GET and parse with no PowerShell in between.
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("x-ms-version", "2017-01-01");
        var csharp = new List<double>();
        for (int round = 0; round <= rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            for (int i = 0; i < iterations; i++)
            {
                var document = new XmlDocument();
                document.LoadXml(await http.GetStringAsync(uri).ConfigureAwait(false));
            }

            if (round > 0)
            {
                csharp.Add(stopwatch.Elapsed.TotalMilliseconds * 1000 / iterations);
            }
        }

        double perCall = Stats.Median(cmdlet);
        double versusXml = Stats.Median(cmdlet.Select((c, i) => c / xml[i]));
        double versusIrm = Stats.Median(cmdlet.Select((c, i) => c / irm[i]));
        var details = new Dictionary<string, double>
        {
            ["get_deployment_us"] = perCall,
            ["invoke_restmethod_us"] = Stats.Median(irm),
            ["httpclient_xml_pwsh_us"] = Stats.Median(xml),
            ["httpclient_xmldocument_csharp_us"] = Stats.Median(csharp),
            ["client_library_pwsh_us"] = Stats.Median(client),
            ["client_library_vs_xml"] = Stats.Median(client.Select((c, i) => c / xml[i])),
            ["pwsh_command_floor_us"] = Stats.Median(floor),
            ["noop_cmdlet_same_parameters_us"] = Stats.Median(bare),
            ["noop_cmdlet_plus_client_library_us"] = Stats.Median(bareClient),
            ["noop_cmdlet_plus_client_library_vs_xml"] = Stats.Median(bareClient.Select((c, i) => c / xml[i])),
            ["get_deployment_vs_noop_cmdlet_plus_client_library"] = Stats.Median(cmdlet.Select((c, i) => c / bareClient[i])),
            ["xml_vs_irm"] = Stats.Median(xml.Select((c, i) => c / irm[i])),
            ["get_deployment_min_us"] = cmdlet.Min(),
            ["iterations"] = iterations,
            ["rounds"] = rounds,
        };
        return new[]
        {
            new BenchmarkResult("per-call-vs-xml", $"Get-Deployment per call against [xml]$http.GetStringAsync(uri) in the same pwsh, {iterations} calls x {rounds} rounds",
                perCall, "us", "HttpClient + [xml]", Stats.Median(xml), versusXml, $"ratio <= {TargetVersusXml}", versusXml <= TargetVersusXml, details),
            new BenchmarkResult("per-call-vs-irm", "Get-Deployment per call against Invoke-RestMethod of the same URI",
                perCall, "us", "Invoke-RestMethod", Stats.Median(irm), versusIrm, $"ratio <= {TargetVersusRestMethod}", versusIrm <= TargetVersusRestMethod, details),
        };
    }

    /// <summary>Compiles and imports Test-NoRequest: -ServiceName and -Slot as Get-Deployment binds them, and no work.</summary>
    private const string NoRequestCmdlet =
        "$refs = @([ClassicDeploy.Models.DeploymentSlot].Assembly.Location, [psobject].Assembly.Location, [object].Assembly.Location, [Reflection.Assembly]::Load('netstandard').Location, [Reflection.Assembly]::Load('System.Runtime').Location)\n" +
        "$bare = Add-Type -PassThru -ReferencedAssemblies $refs -TypeDefinition @'\n" +
        "using System.Management.Automation;\n" +
        "[Cmdlet(VerbsDiagnostic.Test, \"NoRequest\")]\n" +
        "public sealed class TestNoRequestCommand : PSCmdlet\n" +
        "{\n" +
        "    [Parameter(Mandatory = true, Position = 0)] public string ServiceName { get; set; }\n" +
        "    [Parameter] public ClassicDeploy.Models.DeploymentSlot? Slot { get; set; }\n" +
        "    protected override void ProcessRecord() { WriteObject(ServiceName); }\n" +
        "}\n" +
        "'@\n" +
        "Import-Module -Assembly $bare[0].Assembly\n";

    private static double[] Values(JsonElement result, string name) =>
        result.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
