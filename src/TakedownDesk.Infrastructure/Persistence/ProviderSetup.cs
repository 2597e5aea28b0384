using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TakedownDesk.Infrastructure.Persistence;

/// <summary>Points the one context at a provider, with that provider's migrations assembly.</summary>
public static class ProviderSetup
{
    public const string SqliteMigrations = "TakedownDesk.Migrations.Sqlite";
    public const string PostgresMigrations = "TakedownDesk.Migrations.Postgres";
    public const string SqlServerMigrations = "TakedownDesk.Migrations.SqlServer";

    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrations)),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrations)),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, sqlServer => sqlServer.MigrationsAssembly(SqlServerMigrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    public static string ResolveConnectionString(DatabaseOptions options, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        if (options.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException($"Database:ConnectionString is required for {options.Provider}.");
        }

        PrivateDirectory.Create(dataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "takedowndesk.db"),
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }
}
