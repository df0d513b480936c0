using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ClassicDeploy.Emulator.Store;

namespace ClassicDeploy.Emulator.State;

// Loading and committing state: one JSON document per hosted service (its deployments, updates and
// in-flight operations inside) and one per operation record.
public sealed partial class ManagementEngine
{
    private const string ServiceDocument = "service";
    private const string OperationDocument = "operation";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly HashSet<string> _changedServices = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removedServices = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changedOperations = new(StringComparer.Ordinal);
    private bool _unloaded;

    private void Load()
    {
        foreach (StoredDocument document in _store.LoadAll())
        {
            switch (document.Kind)
            {
                case ServiceDocument:
                    ServiceState service = JsonSerializer.Deserialize<ServiceState>(document.Json, Json)
                        ?? throw new InvalidOperationException("A stored hosted service is empty.");
                    RequireNames(service.SubscriptionId, service.ServiceName, document.Key);
                    _services[Key(service.SubscriptionId, service.ServiceName)] = service;
                    break;
                case OperationDocument:
                    OperationRecord record = JsonSerializer.Deserialize<OperationRecord>(document.Json, Json)
                        ?? throw new InvalidOperationException("A stored operation is empty.");
                    RequireNames(record.SubscriptionId, record.Id, document.Key);
                    _operations[Key(record.SubscriptionId, record.Id)] = record;
                    _operationSequence = Math.Max(_operationSequence, record.Sequence);
                    break;
            }
        }

        RecomputeNextDue();
    }

    private static void RequireNames(string? subscriptionId, string? name, string key)
    {
        if (string.IsNullOrEmpty(subscriptionId) || string.IsNullOrEmpty(name))
        {
            throw new InvalidOperationException("The stored document " + key + " has no subscription or name.");
        }
    }

    private void Changed(ServiceState service)
    {
        string key = Key(service.SubscriptionId, service.ServiceName);
        _removedServices.Remove(key);
        _changedServices.Add(key);
    }

    private void Removed(ServiceState service)
    {
        string key = Key(service.SubscriptionId, service.ServiceName);
        _changedServices.Remove(key);
        _removedServices.Add(key);
    }

    private void Changed(OperationRecord record) => _changedOperations.Add(Key(record.SubscriptionId, record.Id));

    /// <summary>Writes every changed document in one store transaction; nothing is written when nothing changed.</summary>
    private void Commit()
    {
        if (_changedServices.Count == 0 && _removedServices.Count == 0 && _changedOperations.Count == 0)
        {
            return;
        }

        var upserts = new List<StoredDocument>();
        upserts.AddRange(_changedServices.Select(k => new StoredDocument(ServiceDocument, k, JsonSerializer.Serialize(_services[k], Json))));
        upserts.AddRange(_changedOperations.Select(k => new StoredDocument(OperationDocument, k, JsonSerializer.Serialize(_operations[k], Json))));
        var deletions = _removedServices.Select(k => new StoredKey(ServiceDocument, k)).ToList();
        _changedServices.Clear();
        _removedServices.Clear();
        _changedOperations.Clear();
        try
        {
            _store.Commit(upserts, deletions);
        }
        catch (Exception e) when (e is not EmulatorException)
        {
            // Nothing of this change may stay in memory: the store is the truth, so read it back.
            Reload();
            throw Errors.NotSaved();
        }
    }

    /// <summary>Memory as the store holds it; until that read succeeds, every call is answered 503.</summary>
    private void Reload()
    {
        _services.Clear();
        _operations.Clear();
        _changedServices.Clear();
        _removedServices.Clear();
        _changedOperations.Clear();
        _unloaded = true;
        try
        {
            Load();
            _unloaded = false;
        }
        catch (Exception)
        {
            _services.Clear();
            _operations.Clear();
        }
    }

    private void ReloadIfNeeded()
    {
        if (_unloaded)
        {
            Reload();
            if (_unloaded)
            {
                throw Errors.NotSaved();
            }
        }
    }

    /// <summary>A copy of <paramref name="service"/> that the caller may read without the lock (the stored form, so nothing is left out).</summary>
    private static ServiceState Snapshot(ServiceState service) =>
        JsonSerializer.Deserialize<ServiceState>(JsonSerializer.SerializeToUtf8Bytes(service, Json), Json)!;
}
