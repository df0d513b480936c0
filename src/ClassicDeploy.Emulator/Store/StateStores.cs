using System;
using System.IO;
using System.Text.Json;
using ClassicDeploy.Emulator.State;
using Microsoft.Data.Sqlite;

namespace ClassicDeploy.Emulator.Store;

/// <summary>Opening a data directory and loading its state, with failures the user can act on (an <see cref="IOException"/> naming the file).</summary>
internal static class StateStores
{
    public static IStateStore OpenSqlite(string dataDirectory)
    {
        try
        {
            return new SqliteStateStore(dataDirectory);
        }
        catch (SqliteException e)
        {
            throw Unusable(dataDirectory, e);
        }
    }

    /// <summary>The engine over <paramref name="store"/>; a damaged file or document is reported, the store closed.</summary>
    public static ManagementEngine Load(IStateStore store, EmulatorOptions options)
    {
        try
        {
            var engineOptions = new EngineOptions
            {
                UpgradeDomainCount = options.UpgradeDomainCount,
                UpgradeDomainDuration = options.UpgradeDomainDuration,
                AcceptDuration = options.AcceptDuration,
                InstanceStartDuration = options.InstanceStartDuration,
                StartTimeout = options.StartTimeout,
                OperationPageSize = options.OperationPageSize,
            };
            foreach (var rule in options.PackageBehaviors)
            {
                engineOptions.PackageBehaviors.Add(rule);
            }

            return new ManagementEngine(store, options.Clock, engineOptions);
        }
        catch (Exception e) when (e is SqliteException or JsonException or InvalidOperationException or NotSupportedException)
        {
            throw Unusable(options.DataDirectory ?? "memory", e);
        }
    }

    private static IOException Unusable(string dataDirectory, Exception e) => new(
        $"The state in {Path.Combine(dataDirectory, SqliteStateStore.FileName)} cannot be read ({e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}). "
        + "Move the file away or use another --data-dir.",
        e);
}
