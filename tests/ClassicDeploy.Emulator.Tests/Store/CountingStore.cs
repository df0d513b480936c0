using System.Collections.Generic;
using ClassicDeploy.Emulator.Store;

namespace ClassicDeploy.Emulator.Tests.Store;

/// <summary>An in-memory store that counts commits, to show reads do not write.</summary>
internal sealed class CountingStore : IStateStore
{
    private readonly InMemoryStateStore _inner = new();

    public int Commits { get; private set; }

    public IReadOnlyList<StoredDocument> LoadAll() => _inner.LoadAll();

    public void Commit(IReadOnlyList<StoredDocument> upserts, IReadOnlyList<StoredKey> deletions)
    {
        Commits++;
        _inner.Commit(upserts, deletions);
    }

    public void Dispose() => _inner.Dispose();
}
