using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Infrastructure.Protection;

/// <summary>
/// The table VictimKeys (VictimId, MasterKeyId, WrappedKey, CreatedAtUtc) in a store of its own, apart from the case
/// database: a restored case-database backup then brings back ciphertext, never the key that was destroyed.
/// SQLite deletes with secure_delete so a destroyed key's bytes are overwritten in the file, not left in a free page;
/// it keeps the rollback journal, since a write-ahead log would hold a destroyed key's page until a checkpoint.
/// </summary>
public sealed class VictimKeyStore : IDisposable
{
    private readonly KeyStoreProvider provider;
    private readonly string connectionString;
    private readonly Lock gate = new();

    // With a rollback journal a SQLite writer locks readers out, and a busy reader or writer sleeps 150 ms per retry:
    // in this process they take turns here instead, many readers or one writer.
    private readonly ReaderWriterLockSlim turns = new();
    private bool created;

    public VictimKeyStore(EncryptionOptions options, string dataDirectory)
    {
        provider = options.KeyStoreProvider;
        if (!string.IsNullOrWhiteSpace(options.KeyStoreConnectionString))
        {
            connectionString = options.KeyStoreConnectionString;
        }
        else if (provider == KeyStoreProvider.Sqlite)
        {
            PrivateDirectory.Create(dataDirectory);
            FilePath = Path.Combine(dataDirectory, "keys.db");
            connectionString = new SqliteConnectionStringBuilder { DataSource = FilePath, DefaultTimeout = 30, Pooling = true }.ToString();
        }
        else
        {
            throw new InvalidOperationException("Encryption:KeyStoreConnectionString is required for a PostgreSQL or SQL Server key store.");
        }
    }

    /// <summary>The SQLite file, when the store is the default one.</summary>
    public string? FilePath { get; }

    public StoredVictimKey? Find(Guid victimId) => Reading(connection =>
    {
        using var command = Command(connection, "SELECT MasterKeyId, WrappedKey FROM VictimKeys WHERE VictimId = @id", ("@id", Id(victimId)));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredVictimKey(victimId, reader.GetString(0), (byte[])reader.GetValue(1)) : null;
    });

    public void Insert(StoredVictimKey key, DateTime createdAtUtc) => Writing(connection =>
    {
        using var command = Command(
            connection,
            "INSERT INTO VictimKeys (VictimId, MasterKeyId, WrappedKey, CreatedAtUtc) VALUES (@id, @master, @wrapped, @created)",
            ("@id", Id(key.VictimId)),
            ("@master", key.MasterKeyId),
            ("@wrapped", key.WrappedKey),
            ("@created", createdAtUtc.ToString("O", CultureInfo.InvariantCulture)));
        return command.ExecuteNonQuery();
    });

    public void Replace(StoredVictimKey key) => Writing(connection =>
    {
        using var command = Command(
            connection,
            "UPDATE VictimKeys SET MasterKeyId = @master, WrappedKey = @wrapped WHERE VictimId = @id",
            ("@id", Id(key.VictimId)),
            ("@master", key.MasterKeyId),
            ("@wrapped", key.WrappedKey));
        return command.ExecuteNonQuery();
    });

    public bool Delete(Guid victimId) => Writing(connection =>
    {
        using var command = Command(connection, "DELETE FROM VictimKeys WHERE VictimId = @id", ("@id", Id(victimId)));
        return command.ExecuteNonQuery();
    }) > 0;

    public IReadOnlyList<StoredVictimKey> All() => Reading(connection =>
    {
        using var command = Command(connection, "SELECT VictimId, MasterKeyId, WrappedKey FROM VictimKeys");
        using var reader = command.ExecuteReader();
        var keys = new List<StoredVictimKey>();
        while (reader.Read())
        {
            keys.Add(new StoredVictimKey(Guid.Parse(reader.GetString(0)), reader.GetString(1), (byte[])reader.GetValue(2)));
        }

        return keys;
    });

    public void Dispose() => turns.Dispose();

    private T Reading<T>(Func<DbConnection, T> read)
    {
        using var turn = Take(writes: false);
        using var connection = Open();
        return read(connection);
    }

    private int Writing(Func<DbConnection, int> write)
    {
        using var turn = Take(writes: true);
        using var connection = Open();
        return write(connection);
    }

    /// <summary>Only the SQLite store needs turns; server databases let readers and writers through themselves.</summary>
    private Turn Take(bool writes)
    {
        if (provider != KeyStoreProvider.Sqlite)
        {
            return default;
        }

        if (writes)
        {
            turns.EnterWriteLock();
        }
        else
        {
            turns.EnterReadLock();
        }

        return new Turn(turns, writes);
    }

    private readonly record struct Turn(ReaderWriterLockSlim? Lock, bool Writes) : IDisposable
    {
        public void Dispose()
        {
            if (Writes)
            {
                Lock?.ExitWriteLock();
            }
            else
            {
                Lock?.ExitReadLock();
            }
        }
    }

    private static string Id(Guid victimId) => victimId.ToString("N");

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private DbConnection Open()
    {
        DbConnection connection = provider switch
        {
            KeyStoreProvider.Sqlite => new SqliteConnection(connectionString),
            KeyStoreProvider.Postgres => new NpgsqlConnection(connectionString),
            _ => new SqlConnection(connectionString),
        };
        connection.Open();
        if (provider == KeyStoreProvider.Sqlite)
        {
            using var pragma = Command(connection, "PRAGMA secure_delete = ON;");
            pragma.ExecuteNonQuery();
        }

        EnsureCreated(connection);
        return connection;
    }

    private void EnsureCreated(DbConnection connection)
    {
        lock (gate)
        {
            if (created)
            {
                return;
            }

            var (createIfMissing, blob) = provider switch
            {
                KeyStoreProvider.Sqlite => ("CREATE TABLE IF NOT EXISTS", "BLOB"),
                KeyStoreProvider.Postgres => ("CREATE TABLE IF NOT EXISTS", "BYTEA"),
                _ => ("IF OBJECT_ID(N'VictimKeys', N'U') IS NULL CREATE TABLE", "VARBINARY(512)"),
            };
            using var command = Command(
                connection,
                $"{createIfMissing} VictimKeys (VictimId VARCHAR(32) NOT NULL PRIMARY KEY, MasterKeyId VARCHAR(100) NOT NULL, WrappedKey {blob} NOT NULL, CreatedAtUtc VARCHAR(40) NOT NULL)");
            command.ExecuteNonQuery();
            if (FilePath is not null && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            created = true;
        }
    }
}

public sealed record StoredVictimKey(Guid VictimId, string MasterKeyId, byte[] WrappedKey);
