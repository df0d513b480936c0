using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ClassicDeploy.Emulator.State;

// Get Operation Status and List Subscription Operations.
public sealed partial class ManagementEngine
{
    public OperationView GetOperation(string subscriptionId, string requestId)
    {
        lock (_gate)
        {
            AdvanceLocked();
            return _operations.TryGetValue(Key(subscriptionId, OperationKey(requestId)), out OperationRecord? record)
                ? View(record)
                : throw Errors.OperationNotFound();
        }
    }

    /// <summary>
    /// The subscription's operations started within [StartTime, EndTime], oldest first, optionally only
    /// those on one object (exact path, letter case ignored) or in one status; a page at a time.
    /// </summary>
    public SubscriptionOperationPage ListSubscriptionOperations(string subscriptionId, SubscriptionOperationQuery query)
    {
        lock (_gate)
        {
            AdvanceLocked();
            (DateTimeOffset Started, string Id)? after = query.ContinuationToken is null ? null : ReadToken(query.ContinuationToken);
            string? objectFilter = query.ObjectId?.TrimEnd('/');
            List<SubscriptionOperationView> matches = _operations.Values
                .Where(r => SameId(r.SubscriptionId, subscriptionId) && r.StartedAt >= query.StartTime && r.StartedAt <= query.EndTime)
                .Where(r => query.Status is null || string.Equals(r.Status, query.Status, StringComparison.OrdinalIgnoreCase))
                .Select(ListView)
                .Where(v => objectFilter is null || string.Equals(v.ObjectId, objectFilter, StringComparison.OrdinalIgnoreCase))
                .OrderBy(v => v.StartedTime)
                .ThenBy(v => v.Id, StringComparer.Ordinal)
                .Where(v => after is null || v.StartedTime > after.Value.Started || (v.StartedTime == after.Value.Started && string.CompareOrdinal(v.Id, after.Value.Id) > 0))
                .Take(_operationPageSize + 1)
                .ToList();
            if (matches.Count <= _operationPageSize)
            {
                return new SubscriptionOperationPage(matches, null);
            }

            matches.RemoveAt(matches.Count - 1);
            SubscriptionOperationView last = matches[^1];
            return new SubscriptionOperationPage(matches, WriteToken(last.StartedTime, last.Id));
        }
    }

    /// <summary>Operation ids are 32 hex digits; Get Operation Status also finds them written as a GUID with dashes.</summary>
    private static string OperationKey(string requestId) =>
        Guid.TryParseExact(requestId, "D", out Guid dashed) ? dashed.ToString("N") : requestId;

    /// <summary>The &lt;ID&gt; of Get Operation Status: a GUID with dashes of the same 32 hex digits.</summary>
    private static string DisplayId(string id) =>
        Guid.TryParseExact(id, "N", out Guid guid) ? guid.ToString("D") : id;

    private static OperationView View(OperationRecord record) =>
        new(DisplayId(record.Id), record.Status, record.HttpStatusCode, record.ErrorCode, record.ErrorMessage);

    private static SubscriptionOperationView ListView(OperationRecord record)
    {
        string objectId = "/" + record.SubscriptionId + "/services/hostedservices/" + record.ServiceName
            + (record.DeploymentName is null ? string.Empty : "/deployments/" + record.DeploymentName);
        var parameters = new List<KeyValuePair<string, string>>();
        if (record.ServiceName is not null)
        {
            parameters.Add(new("ServiceName", record.ServiceName));
        }

        if (record.DeploymentName is not null)
        {
            parameters.Add(new("DeploymentName", record.DeploymentName));
        }

        if (record.Slot is not null)
        {
            parameters.Add(new("DeploymentSlot", record.Slot));
        }

        return new SubscriptionOperationView(
            DisplayId(record.Id), objectId, record.Name ?? "Unknown", parameters, View(record), record.StartedAt, record.CompletedAt);
    }

    private static string WriteToken(DateTimeOffset started, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(started.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + id));

    private static (DateTimeOffset, string) ReadToken(string token)
    {
        try
        {
            string text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            int bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks)
            {
                return (new DateTimeOffset(ticks, TimeSpan.Zero), text.Substring(bar + 1));
            }
        }
        catch (FormatException)
        {
        }

        throw Errors.BadRequest("The ContinuationToken is not valid.");
    }
}
