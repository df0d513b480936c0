using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Data.Sqlite;

namespace ClassicDeploy.Emulator.Store;

/// <summary>
/// State documents in one SQLite file (WAL journal) under the data directory; each commit is one transaction.
/// Pooling is off so that disposing the store releases the file.
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    public const string FileName = "classicdeploy-emulator.db";

    private readonly object _gate = new();
    private readonly SqliteConnection _connection;
    private bool _disposed;

    public SqliteStateStore(string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            throw new ArgumentException("A data directory is required.", nameof(dataDirectory));
        }

        Directory.CreateDirectory(dataDirectory);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=NORMAL;");
        Execute("CREATE TABLE IF NOT EXISTS documents (kind TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, key));");
    }

    public IReadOnlyList<StoredDocument> LoadAll()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            var documents = new List<StoredDocument>();
            using SqliteCommand command = _connection.CreateCommand();
            command.CommandText = "SELECT kind, key, json FROM documents ORDER BY kind, key;";
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                documents.Add(new StoredDocument(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }

            return documents;
        }
    }

    public void Commit(IReadOnlyList<StoredDocument> upserts, IReadOnlyList<StoredKey> deletions)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            using SqliteTransaction transaction = _connection.BeginTransaction();
            foreach (StoredKey key in deletions)
            {
                using SqliteCommand delete = _connection.CreateCommand();
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM documents WHERE kind = $kind AND key = $key;";
                delete.Parameters.AddWithValue("$kind", key.Kind);
                delete.Parameters.AddWithValue("$key", key.Key);
                delete.ExecuteNonQuery();
            }

            foreach (StoredDocument document in upserts)
            {
                using SqliteCommand upsert = _connection.CreateCommand();
                upsert.Transaction = transaction;
                upsert.CommandText = "INSERT INTO documents (kind, key, json) VALUES ($kind, $key, $json) "
                    + "ON CONFLICT (kind, key) DO UPDATE SET json = excluded.json;";
                upsert.Parameters.AddWithValue("$kind", document.Kind);
                upsert.Parameters.AddWithValue("$key", document.Key);
                upsert.Parameters.AddWithValue("$json", document.Json);
                upsert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _connection.Dispose();
        }
    }

    private void Execute(string sql)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(SqliteStateStore));
        }
    }
}
