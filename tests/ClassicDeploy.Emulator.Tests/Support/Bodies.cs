using System;
using System.Linq;
using System.Text;

namespace ClassicDeploy.Emulator.Tests.Support;

/// <summary>Request bodies the way a real client sends them: one line, default namespace.</summary>
internal static class Bodies
{
    public const string PackageUrl = "https://storage.test/packages/app.cspkg?sv=2015&amp;sig=abc";

    public static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string Configuration(params (string Role, int Count)[] roles) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><ServiceConfiguration serviceName=\"app\" osFamily=\"6\" osVersion=\"*\" xmlns=\"http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration\">"
        + string.Concat(roles.Select(r => $"<Role name=\"{r.Role}\"><Instances count=\"{r.Count}\" /></Role>"))
        + "</ServiceConfiguration>";

    public static string DefaultConfiguration => Configuration(("WebRole1", 5), ("WorkerRole1", 2));

    public static string CreateHostedService(string name, string label = "my service") =>
        $"""<?xml version="1.0" encoding="utf-8"?><CreateHostedService xmlns="http://schemas.microsoft.com/windowsazure"><ServiceName>{name}</ServiceName><Label>{B64(label)}</Label><Description>test service</Description><Location>West Europe</Location></CreateHostedService>""";

    public static string CreateDeployment(string name, string configuration, string label = "v1") =>
        $"""<?xml version="1.0" encoding="utf-8"?><CreateDeployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>{name}</Name><PackageUrl>{PackageUrl}</PackageUrl><Label>{B64(label)}</Label><Configuration>{B64(configuration)}</Configuration><StartDeployment>true</StartDeployment><TreatWarningsAsError>false</TreatWarningsAsError></CreateDeployment>""";

    public static string Upgrade(string mode, string? configuration = null, string label = "v2", string extra = "") =>
        $"""<?xml version="1.0" encoding="utf-8"?><UpgradeDeployment xmlns="http://schemas.microsoft.com/windowsazure"><Mode>{mode}</Mode><PackageUrl>{PackageUrl}</PackageUrl><Configuration>{B64(configuration ?? DefaultConfiguration)}</Configuration><Label>{B64(label)}</Label><Force>false</Force>{extra}</UpgradeDeployment>""";

    public static string ChangeConfiguration(string mode, string? configuration = null, string extra = "") =>
        $"""<?xml version="1.0" encoding="utf-8"?><ChangeConfiguration xmlns="http://schemas.microsoft.com/windowsazure"><Configuration>{B64(configuration ?? DefaultConfiguration)}</Configuration><TreatWarningsAsError>false</TreatWarningsAsError><Mode>{mode}</Mode>{extra}</ChangeConfiguration>""";

    public static string Walk(int domain) =>
        $"""<?xml version="1.0" encoding="utf-8"?><WalkUpgradeDomain xmlns="http://schemas.microsoft.com/windowsazure"><UpgradeDomain>{domain}</UpgradeDomain></WalkUpgradeDomain>""";

    public static string Swap(string? production, string source) => production is null
        ? $"""<?xml version="1.0" encoding="utf-8"?><Swap xmlns="http://schemas.microsoft.com/windowsazure"><SourceDeployment>{source}</SourceDeployment></Swap>"""
        : $"""<?xml version="1.0" encoding="utf-8"?><Swap xmlns="http://schemas.microsoft.com/windowsazure"><Production>{production}</Production><SourceDeployment>{source}</SourceDeployment></Swap>""";

    public static string Rollback(string mode, bool force = false) =>
        $"""<?xml version="1.0" encoding="utf-8"?><RollbackUpdateOrUpgrade xmlns="http://schemas.microsoft.com/windowsazure"><Mode>{mode}</Mode><Force>{(force ? "true" : "false")}</Force></RollbackUpdateOrUpgrade>""";

    public static string Properties(int count, Func<int, string>? name = null, Func<int, string>? value = null) =>
        "<ExtendedProperties>"
        + string.Concat(Enumerable.Range(0, count).Select(i => $"<ExtendedProperty><Name>{(name ?? (n => "Prop" + n))(i)}</Name><Value>{(value ?? (n => "v" + n))(i)}</Value></ExtendedProperty>"))
        + "</ExtendedProperties>";
}
