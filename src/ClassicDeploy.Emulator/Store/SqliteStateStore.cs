using System;
using System.Collections.Generic;

namespace ClassicDeploy.Emulator.Store;

public sealed class SqliteStateStore : IStateStore
{
    public SqliteStateStore(string dataDirectory)
    {
        throw new NotImplementedException();
    }

    public IReadOnlyList<StoredDocument> LoadAll() => throw new NotImplementedException();

    public void Commit(IReadOnlyList<StoredDocument> upserts, IReadOnlyList<StoredKey> deletions) => throw new NotImplementedException();

    public void Dispose()
    {
    }
}
