using System;
using System.Collections.Generic;

namespace ClassicDeploy.Emulator.Store;

/// <summary>
/// Durable home of the engine's state: a set of JSON documents keyed by (kind, key).
/// The engine loads everything once, then commits each change set in one transaction.
/// </summary>
public interface IStateStore : IDisposable
{
    /// <summary>Every stored document.</summary>
    IReadOnlyList<StoredDocument> LoadAll();

    /// <summary>Applies the upserts and deletions atomically.</summary>
    void Commit(IReadOnlyList<StoredDocument> upserts, IReadOnlyList<StoredKey> deletions);
}

public sealed record StoredKey(string Kind, string Key);

public sealed record StoredDocument(string Kind, string Key, string Json);
