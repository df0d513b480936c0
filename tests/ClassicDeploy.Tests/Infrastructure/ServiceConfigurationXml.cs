using System.Linq;

namespace ClassicDeploy.Tests.Infrastructure;

/// <summary>ServiceConfiguration (.cscfg) documents for tests.</summary>
public static class ServiceConfigurationXml
{
    /// <summary>A configuration with the given roles and instance counts, and an optional setting to tell versions apart.</summary>
    public static string For(string? settingValue = null, params (string Role, int Instances)[] roles)
    {
        if (roles.Length == 0)
        {
            roles = new[] { ("WebRole1", 3) };
        }

        string body = string.Concat(roles.Select(r =>
            $"<Role name=\"{r.Role}\"><Instances count=\"{r.Instances}\" />" +
            (settingValue is null ? string.Empty : $"<ConfigurationSettings><Setting name=\"Version\" value=\"{settingValue}\" /></ConfigurationSettings>") +
            "</Role>"));
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" +
               "<ServiceConfiguration serviceName=\"app\" xmlns=\"http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration\" osFamily=\"6\" osVersion=\"*\">" +
               body + "</ServiceConfiguration>";
    }
}
