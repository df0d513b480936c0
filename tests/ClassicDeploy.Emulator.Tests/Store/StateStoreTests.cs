using System;
using System.Collections.Generic;
using System.Linq;
using ClassicDeploy.Emulator.Store;
using Xunit;

namespace ClassicDeploy.Emulator.Tests.Store;

public sealed class StateStoreTests
{
    public static TheoryData<string> Kinds => new() { "sqlite", "memory" };

    private static void Exercise(IStateStore store)
    {
        store.Commit(
            new[] { new StoredDocument("service", "a", "{\"v\":1}"), new StoredDocument("service", "b", "{\"v\":2}"), new StoredDocument("operation", "a", "{}") },
            Array.Empty<StoredKey>());
        store.Commit(
            new[] { new StoredDocument("service", "a", "{\"v\":3}") },
            new[] { new StoredKey("service", "b"), new StoredKey("service", "missing") });
    }

    private static void AssertExercised(IStateStore store)
    {
        IReadOnlyList<StoredDocument> all = store.LoadAll();
        Assert.Equal(2, all.Count);
        Assert.Contains(new StoredDocument("service", "a", "{\"v\":3}"), all);
        Assert.Contains(new StoredDocument("operation", "a", "{}"), all);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Commits_upsert_and_delete_documents(string kind)
    {
        using var directory = new TempDirectory();
        using IStateStore store = kind == "sqlite" ? new SqliteStateStore(directory.Path) : new InMemoryStateStore();
        Assert.Empty(store.LoadAll());
        Exercise(store);
        AssertExercised(store);
    }

    [Fact]
    public void Sqlite_documents_survive_reopening_the_data_directory()
    {
        using var directory = new TempDirectory();
        using (var store = new SqliteStateStore(directory.Path))
        {
            Exercise(store);
        }

        using var reopened = new SqliteStateStore(directory.Path);
        AssertExercised(reopened);
        Assert.True(System.IO.File.Exists(System.IO.Path.Combine(directory.Path, SqliteStateStore.FileName)));
    }

    [Fact]
    public void Sqlite_creates_a_missing_data_directory_and_disposing_twice_is_harmless()
    {
        using var directory = new TempDirectory();
        string nested = System.IO.Path.Combine(directory.Path, "a", "b");
        var store = new SqliteStateStore(nested);
        store.Commit(new[] { new StoredDocument("k", "x", "1") }, Array.Empty<StoredKey>());
        store.Dispose();
        store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => store.LoadAll());
        using var reopened = new SqliteStateStore(nested);
        Assert.Equal("1", reopened.LoadAll().Single().Json);
    }
}
