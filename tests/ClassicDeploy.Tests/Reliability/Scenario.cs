namespace ClassicDeploy.Tests.Reliability;

/// <summary>Script text shared by the reliability tests: a valid package and configuration, and a service to upgrade.</summary>
internal static class Scenario
{
    public const string PackageUrl = "https://packages.example.invalid/app/v1.cspkg?sv=2017&sig=abc";

    public const string Configuration =
        "<ServiceConfiguration serviceName=\"app\" xmlns=\"http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration\">" +
        "<Role name=\"WebRole1\"><Instances count=\"2\" /></Role></ServiceConfiguration>";

    /// <summary>Defines <c>$pkg</c> and <c>$cfg</c> in the runspace.</summary>
    public static string Prelude => $"$pkg = '{PackageUrl}'; $cfg = '{Configuration}'";

    /// <summary>Creates a hosted service with a running production deployment named <c>&lt;service&gt;-prod</c>.</summary>
    /// <remarks>Without <paramref name="wait"/> the deployment is still being created when the script returns.</remarks>
    public static string CreateService(string service, bool wait = true) =>
        $"$null = New-CloudService -ServiceName {service} -Label {service} -Location 'West Europe'; " +
        $"$null = New-Deployment -ServiceName {service} -Slot Production -DeploymentName {service}-prod -Package $pkg -Configuration $cfg -Label v1 -StartDeployment" +
        (wait ? " -Wait" : string.Empty);
}
