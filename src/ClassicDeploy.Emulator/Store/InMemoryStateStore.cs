using System.Collections.Generic;
using System.Linq;

namespace ClassicDeploy.Emulator.Store;

public sealed class InMemoryStateStore : IStateStore
{
    private readonly object _gate = new();
    private readonly Dictionary<StoredKey, string> _documents = new();

    public IReadOnlyList<StoredDocument> LoadAll()
    {
        lock (_gate)
        {
            return _documents.Select(d => new StoredDocument(d.Key.Kind, d.Key.Key, d.Value)).ToList();
        }
    }

    public void Commit(IReadOnlyList<StoredDocument> upserts, IReadOnlyList<StoredKey> deletions)
    {
        lock (_gate)
        {
            foreach (StoredKey key in deletions)
            {
                _documents.Remove(key);
            }

            foreach (StoredDocument document in upserts)
            {
                _documents[new StoredKey(document.Kind, document.Key)] = document.Json;
            }
        }
    }

    public void Dispose()
    {
    }
}
