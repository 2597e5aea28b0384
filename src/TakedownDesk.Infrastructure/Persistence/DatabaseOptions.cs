namespace TakedownDesk.Infrastructure.Persistence;

/// <summary>Configuration section "Database". With nothing configured the app uses a SQLite file in the data directory.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL and SQL Server; for SQLite defaults to takedowndesk.db in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the app starts (the migrate command does it explicitly).</summary>
    public bool MigrateAtStartup { get; set; } = true;
}
