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

    /// <summary>Held open (exclusively) while a store uses the directory: a second emulator on it is refused.</summary>
    public const string LockFileName = "classicdeploy-emulator.lock";

    /// <summary>How long a commit waits for a database file another process has locked before it fails.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(2);

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly object _gate = new();
    private readonly SqliteConnection _connection;
    private readonly FileStream _lock;
    private bool _disposed;

    public SqliteStateStore(string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            throw new ArgumentException("A data directory is required.", nameof(dataDirectory));
        }

        CreatePrivateDirectory(dataDirectory);
        _lock = LockDirectory(dataDirectory);
        try
        {
            string path = Path.Combine(dataDirectory, FileName);
            CreatePrivateFile(path);
            var builder = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                // The engine commits under its lock: a file another process holds must not stall every request for long.
                DefaultTimeout = (int)BusyTimeout.TotalSeconds,
            };
            _connection = new SqliteConnection(builder.ToString());
            _connection.Open();
        }
        catch
        {
            _lock.Dispose();
            throw;
        }

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
            _lock.Dispose();
        }
    }

    /// <summary>The state holds whole configurations: a directory we create is the owner's only (0700 on Unix).</summary>
    private static void CreatePrivateDirectory(string dataDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataDirectory);
        }
        else if (!Directory.Exists(dataDirectory))
        {
            Directory.CreateDirectory(dataDirectory, OwnerOnlyDirectory);
        }
    }

    /// <summary>The database file is the owner's only (0600 on Unix); SQLite gives its -wal and -shm files the same mode.</summary>
    private static void CreatePrivateFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = OwnerOnlyFile,
            });
        }

        File.SetUnixFileMode(path, OwnerOnlyFile);
    }

    /// <summary>An exclusive lock on the directory for this store's lifetime; a second one fails with a message that says why.</summary>
    private static FileStream LockDirectory(string dataDirectory)
    {
        string path = Path.Combine(dataDirectory, LockFileName);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnlyFile;
            }

            return new FileStream(path, options);
        }
        catch (IOException e)
        {
            throw new IOException(
                "Another emulator is using the data directory " + dataDirectory + " (it holds " + LockFileName
                + "). Stop it, or give this one another --data-dir.", e);
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
