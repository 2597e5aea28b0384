using Microsoft.Data.Sqlite;

namespace TakedownDesk.Infrastructure.Persistence;

/// <summary>
/// One app per SQLite file: an exclusive OS lock on "{database}.instance.lock", held for the process's lifetime.
/// The operating system releases it when the process ends in any way, kill -9 included, so a stale lock file is harmless.
/// Server databases (PostgreSQL, SQL Server) need no such lock.
/// </summary>
public sealed class SqliteInstanceLock : IDisposable
{
    private readonly FileStream _stream;

    private SqliteInstanceLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    /// <summary>The lock file of a SQLite connection string's database; null for other providers and in-memory databases.</summary>
    public static string? LockPathFor(DatabaseProvider provider, string connectionString)
    {
        if (provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (string.IsNullOrWhiteSpace(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return null;
        }

        return System.IO.Path.GetFullPath(source) + ".instance.lock";
    }

    /// <summary>Takes the lock, or returns null when another process (or this one) holds it.</summary>
    public static SqliteInstanceLock? TryAcquire(string lockPath)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(lockPath)!);
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a sharing lock on Windows.
            var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            stream.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            stream.Write(pid);
            stream.Flush();
            return new SqliteInstanceLock(stream, lockPath);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static string AlreadyRunningMessage(string lockPath) =>
        $"Another TakedownDesk instance is already running on this SQLite database (lock {lockPath} is held). " +
        "SQLite allows one instance; stop the other one, or use PostgreSQL or SQL Server for several instances.";

    public void Dispose() => _stream.Dispose();
}
