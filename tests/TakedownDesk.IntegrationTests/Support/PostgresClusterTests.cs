using Npgsql;

namespace TakedownDesk.IntegrationTests.Support;

public class PostgresClusterTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Created_database_answers_with_the_found_server_version()
    {
        var connectionString = await cluster.CreateDatabaseAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("select version()", connection);
        var version = (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(version);
        Assert.Contains($"PostgreSQL {cluster.MajorVersion}", version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_created_databases_are_distinct()
    {
        var first = await cluster.CreateDatabaseAsync();
        var second = await cluster.CreateDatabaseAsync();

        Assert.NotEqual(first, second);

        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand("create table only_in_first (id int)", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using (var connection = new NpgsqlConnection(second))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var query = new NpgsqlCommand(
                "select current_database(), to_regclass('only_in_first') is null", connection);
            await using var reader = await query.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
            Assert.Equal(new NpgsqlConnectionStringBuilder(second).Database, reader.GetString(0));
            Assert.True(reader.GetBoolean(1), "a table created in the first database is visible in the second");
        }
    }
}
