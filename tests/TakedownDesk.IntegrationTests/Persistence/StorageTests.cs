using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Deadlines;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Persistence;

public abstract class StorageTests(TestDatabase database)
{
    [Fact]
    public async Task Instants_come_back_as_utc()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));

        var openedAt = await app.WithDb(db => db.Cases.Where(c => c.Id == opened.CaseId).Select(c => c.OpenedAtUtc).SingleAsync());
        var loaded = await app.WithDb(db => db.Cases.SingleAsync(c => c.Id == opened.CaseId));

        Assert.Equal(DateTimeKind.Utc, loaded.OpenedAtUtc.Kind);
        Assert.Equal(TestApp.Start.UtcDateTime, openedAt);
    }

    [Fact]
    public async Task Two_staff_saving_the_same_case_cannot_both_win()
    {
        await using var app = await TestApp.StartAsync(database);
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        await using var firstScope = app.Services.CreateAsyncScope();
        await using var secondScope = app.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<TakedownDesk.Infrastructure.Persistence.TakedownDeskDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<TakedownDesk.Infrastructure.Persistence.TakedownDeskDbContext>();
        var now = app.Time.GetUtcNow().UtcDateTime;

        var mine = await first.Cases.SingleAsync(c => c.Id == opened.CaseId, TestContext.Current.CancellationToken);
        var theirs = await second.Cases.SingleAsync(c => c.Id == opened.CaseId, TestContext.Current.CancellationToken);
        mine.StartMonitoring(now);
        theirs.Close(now);
        await first.SaveChangesAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class StorageTestsOnSqlite() : StorageTests(new SqliteTestDatabase())
{
    [Fact]
    public async Task The_deadline_query_runs_in_sql_on_the_deadline_index()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var horizon = app.Time.GetUtcNow().UtcDateTime;

        var plan = await app.WithDb(async db =>
        {
            var sql = db.RemovalRequests
                .Where(r => r.DeadlineAtUtc != null && r.DeadlineAtUtc < horizon && r.Status == RequestStatus.Submitted)
                .Select(r => r.Id)
                .ToQueryString();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
            command.Parameters.AddWithValue("@horizon", horizon);
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }

            return string.Join('\n', lines);
        });

        Assert.Contains("IX_RemovalRequests_DeadlineAtUtc_Status", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "IX_RemovalRequests_OpenDeadlinesByCase")]
    [InlineData(true, "IX_RemovalRequests_OpenDeadlines")]
    public async Task The_deadline_board_reads_only_open_requests_through_a_partial_index(bool seesAllCases, string index)
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        app.Staff.SeesAllCases = seesAllCases;
        await app.Query(new GetDeadlineBoardQuery());

        var plan = await PlanOfLastAsync(app, "FROM \"RemovalRequests\"", "\"DeadlineAtUtc\" < @", "ORDER BY");
        var followUps = await PlanOfLastAsync(app, "FROM \"RemovalRequests\"", "\"SubmittedAtUtc\" < @", "ORDER BY");

        Assert.Contains($"USING INDEX {index} ", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("IX_RemovalRequests_CaseId ", plan, StringComparison.Ordinal);

        // Requests without a deadline are found by a seek on (DeadlineAtUtc IS NULL, open status), never a table scan.
        Assert.Contains("SEARCH r USING INDEX IX_RemovalRequests_", followUps, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN r\n", followUps + "\n", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_case_page_reads_its_requests_through_the_case_index_not_a_table_scan()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow()));
        await app.Query(new GetCaseDetailQuery(opened.CaseId));

        var plan = await PlanOfLastAsync(app, "FROM \"RemovalRequests\"", "\"CaseId\" = @");

        Assert.Contains("USING INDEX IX_RemovalRequests_CaseId ", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN r\n", plan + "\n", StringComparison.Ordinal);
    }

    /// <summary>The plan of the last SQL that EF ran (from the command log) containing every fragment, explained with its parameters unbound.</summary>
    private static async Task<string> PlanOfLastAsync(TestApp app, params string[] fragments)
    {
        var sql = app.Logs.Lines.Last(l => fragments.All(f => l.Contains(f, StringComparison.Ordinal)));
        return await app.WithDb(async db =>
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }

            return string.Join('\n', lines);
        });
    }
}

public sealed class StorageTestsOnPostgres(PostgresCluster cluster) : StorageTests(new PostgresTestDatabase(cluster));
