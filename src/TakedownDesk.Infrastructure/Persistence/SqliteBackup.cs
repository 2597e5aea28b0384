using Microsoft.Data.Sqlite;

namespace TakedownDesk.Infrastructure.Persistence;

/// <summary>
/// Online backup and offline restore of the SQLite case database. The backup uses SQLite's backup API, which copies a
/// consistent snapshot while the app goes on writing (WAL). The victim key store and the master key are not in this
/// file and are backed up separately (docs/OPERATIONS.md, docs/decisions/0006).
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the database to <paramref name="destination"/>, which must not exist yet.</summary>
    public static void Backup(string connectionString, string destination)
    {
        destination = Path.GetFullPath(destination);
        if (File.Exists(destination))
        {
            throw new IOException($"{destination} already exists; a backup never overwrites a file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var partial = destination + ".partial";
        File.Delete(partial);
        using (var source = new SqliteConnection(connectionString))
        using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
            using var rollback = target.CreateCommand();
            // A single file, with no -wal beside it, whatever mode the live database is in.
            rollback.CommandText = "PRAGMA journal_mode=DELETE;";
            rollback.ExecuteNonQuery();
        }

        Check(partial);
        File.Move(partial, destination);
    }

    /// <summary>
    /// Replaces the database file with the backup. The caller holds the instance lock, so no app has it open. The file
    /// it replaces is kept beside it as "{database}.before-restore-{timestamp}".
    /// </summary>
    /// <returns>Where the replaced database was kept, or null when there was none.</returns>
    public static string? Restore(string connectionString, string backup, DateTimeOffset now)
    {
        backup = Path.GetFullPath(backup);
        if (!File.Exists(backup))
        {
            throw new FileNotFoundException($"{backup} does not exist.", backup);
        }

        Check(backup);
        var database = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var incoming = database + ".restoring";
        File.Copy(backup, incoming, overwrite: true);

        string? kept = null;
        SqliteConnection.ClearAllPools();
        if (File.Exists(database))
        {
            // Fold the write-ahead log into the old file first, so the copy kept aside is complete on its own.
            using (var old = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
            {
                old.Open();
                using var checkpoint = old.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                checkpoint.ExecuteNonQuery();
            }

            kept = $"{database}.before-restore-{now.UtcDateTime:yyyyMMddHHmmss}";
            File.Move(database, kept);
        }

        File.Delete(database + "-wal");
        File.Delete(database + "-shm");
        File.Move(incoming, database);
        return kept;
    }

    private static void Check(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var result = command.ExecuteScalar() as string;
        if (!string.Equals(result, "ok", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{file} is not an intact SQLite database ({result}).");
        }

        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory';";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 1)
        {
            throw new InvalidDataException($"{file} is not a TakedownDesk database.");
        }
    }
}
