using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using System.Xml;
using System.Xml.Linq;
using ClassicDeploy.Cmdlets;

namespace ClassicDeploy.Session;

/// <summary>
/// Reads a .publishsettings file: PublishData/PublishProfile/Subscription elements with Id, Name,
/// ServiceManagementUrl and ManagementCertificate (base64 PKCS#12, schema 2.0); schema 1.0 keeps
/// the certificate and the Url on PublishProfile.
/// </summary>
internal static class PublishSettings
{
    public static ClassicDeployContext Read(string path, string? subscriptionId)
    {
        XDocument document;
        using (XmlReader reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            document = XDocument.Load(reader);
        }

        var candidates = new List<(XElement Subscription, XElement Profile)>();
        foreach (XElement profile in document.Descendants().Where(e => e.Name.LocalName == "PublishProfile"))
        {
            foreach (XElement subscription in profile.Elements().Where(e => e.Name.LocalName == "Subscription"))
            {
                candidates.Add((subscription, profile));
            }
        }

        if (candidates.Count == 0)
        {
            throw Invalid($"The file {Path.GetFileName(path)} has no Subscription element.");
        }

        (XElement Subscription, XElement Profile) chosen;
        if (subscriptionId != null)
        {
            chosen = candidates.FirstOrDefault(c => string.Equals((string?)c.Subscription.Attribute("Id"), subscriptionId, StringComparison.OrdinalIgnoreCase));
            if (chosen.Subscription is null)
            {
                throw new ClassicDeployException("SubscriptionNotFound", ErrorCategory.ObjectNotFound,
                    $"The file {Path.GetFileName(path)} has no subscription {subscriptionId}; it has {Describe(candidates)}.");
            }
        }
        else if (candidates.Count == 1)
        {
            chosen = candidates[0];
        }
        else
        {
            throw Invalid($"The file {Path.GetFileName(path)} has {candidates.Count} subscriptions ({Describe(candidates)}); choose one with -SubscriptionId.");
        }

        string id = (string?)chosen.Subscription.Attribute("Id") ?? throw Invalid("A Subscription element has no Id.");
        string? url = (string?)chosen.Subscription.Attribute("ServiceManagementUrl") ?? (string?)chosen.Profile.Attribute("Url");
        string? certificate = (string?)chosen.Subscription.Attribute("ManagementCertificate") ?? (string?)chosen.Profile.Attribute("ManagementCertificate");
        if (string.IsNullOrEmpty(certificate))
        {
            throw Invalid($"Subscription {id} in {Path.GetFileName(path)} has no ManagementCertificate.");
        }

        var pfx = new X509Certificate2(Convert.FromBase64String(certificate), string.Empty, X509KeyStorageFlags.UserKeySet);
        Uri endpoint = string.IsNullOrEmpty(url) ? ConnectClassicDeployCommand.DefaultEndpoint : new Uri(url!.EndsWith("/", StringComparison.Ordinal) ? url : url + "/");
        return new ClassicDeployContext(id, endpoint, pfx);
    }

    private static string Describe(List<(XElement Subscription, XElement Profile)> candidates) =>
        string.Join(", ", candidates.Select(c => $"'{(string?)c.Subscription.Attribute("Name")}' {(string?)c.Subscription.Attribute("Id")}"));

    private static ClassicDeployException Invalid(string message) =>
        new ClassicDeployException("InvalidPublishSettings", ErrorCategory.InvalidData, message);
}
