using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Persistence;

public class MigrationTests(PostgresCluster cluster)
{
    public static TheoryData<string> Providers => ["Sqlite", "Postgres", "SqlServer"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_providers_migrations_match_the_model(string provider)
    {
        using var db = provider switch
        {
            "Sqlite" => new TakedownDesk.Migrations.Sqlite.DesignTimeFactory().CreateDbContext([]),
            "Postgres" => new TakedownDesk.Migrations.Postgres.DesignTimeFactory().CreateDbContext([]),
            _ => new TakedownDesk.Migrations.SqlServer.DesignTimeFactory().CreateDbContext([]),
        };

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: the model has changes without a migration.");
    }

    [Fact]
    public async Task Migrations_apply_to_an_empty_sqlite_file_and_an_empty_postgres_database()
    {
        await using var sqlite = await TestApp.StartAsync(new SqliteTestDatabase());
        await using var postgres = await TestApp.StartAsync(new PostgresTestDatabase(cluster));

        foreach (var app in new[] { sqlite, postgres })
        {
            var (applied, all) = await app.WithDb(async db =>
                ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
            Assert.Equal(all, applied);
        }
    }

    [Fact]
    public void The_sql_server_script_is_generated_without_a_server()
    {
        using var db = new TakedownDesk.Migrations.SqlServer.DesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [RemovalRequests]", script, StringComparison.Ordinal);
        Assert.Contains("IX_RemovalRequests_DeadlineAtUtc_Status", script, StringComparison.Ordinal);
    }
}
