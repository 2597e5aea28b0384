using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.IntegrationTests.Support;

/// <summary>A real, empty database for one test app: a SQLite file, or a fresh database on the run's PostgreSQL cluster.</summary>
public abstract class TestDatabase
{
    public abstract DatabaseProvider Provider { get; }

    public abstract Task<string> CreateAsync();

    public override string ToString() => Provider.ToString();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "takedowndesk-tests");

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override Task<string> CreateAsync()
    {
        Directory.CreateDirectory(Folder);
        return Task.FromResult($"Data Source={Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".db")};Default Timeout=30");
    }
}

public sealed class PostgresTestDatabase(PostgresCluster cluster) : TestDatabase
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override Task<string> CreateAsync() => cluster.CreateDatabaseAsync();
}
