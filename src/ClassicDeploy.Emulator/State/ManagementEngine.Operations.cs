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
            (DateTimeOffset Started, long Sequence, string Id)? after = query.ContinuationToken is null ? null : ReadToken(query.ContinuationToken);
            string? objectFilter = query.ObjectId?.TrimEnd('/');
            List<OperationRecord> matches = _operations.Values
                .Where(r => SameId(r.SubscriptionId, subscriptionId) && r.StartedAt >= query.StartTime && r.StartedAt <= query.EndTime)
                .Where(r => query.Status is null || string.Equals(r.Status, query.Status, StringComparison.OrdinalIgnoreCase))
                .Where(r => objectFilter is null || string.Equals(ObjectId(r), objectFilter, StringComparison.OrdinalIgnoreCase))
                .OrderBy(r => r.StartedAt)
                .ThenBy(r => r.Sequence)
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .Where(r => after is null || Later(r, after.Value))
                .Take(_operationPageSize + 1)
                .ToList();
            string? token = null;
            if (matches.Count > _operationPageSize)
            {
                matches.RemoveAt(matches.Count - 1);
                OperationRecord last = matches[^1];
                token = WriteToken(last);
            }

            return new SubscriptionOperationPage(matches.Select(ListView).ToList(), token);
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

    private static string ObjectId(OperationRecord record) =>
        "/" + record.SubscriptionId + "/services/hostedservices/" + record.ServiceName
        + (record.DeploymentName is null ? string.Empty : "/deployments/" + record.DeploymentName);

    private static bool Later(OperationRecord r, (DateTimeOffset Started, long Sequence, string Id) after) =>
        r.StartedAt != after.Started ? r.StartedAt > after.Started
        : r.Sequence != after.Sequence ? r.Sequence > after.Sequence
        : string.CompareOrdinal(r.Id, after.Id) > 0;

    private static SubscriptionOperationView ListView(OperationRecord record)
    {
        string objectId = ObjectId(record);
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

    private static string WriteToken(OperationRecord last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            last.StartedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + last.Sequence.ToString(CultureInfo.InvariantCulture) + "|" + last.Id));

    private static (DateTimeOffset, long, string) ReadToken(string token)
    {
        try
        {
            string[] parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|', 3);
            if (parts.Length == 3
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long sequence))
            {
                return (new DateTimeOffset(ticks, TimeSpan.Zero), sequence, parts[2]);
            }
        }
        catch (FormatException)
        {
        }

        throw Errors.BadRequest("The ContinuationToken is not valid.");
    }
}
