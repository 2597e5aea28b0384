using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Persistence;

/// <summary>Write transactions on one SQLite file queue at the gate, and every way a transaction can end opens it again.</summary>
public sealed class SqliteWriteGateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_writer_waits_at_the_gate_until_the_first_commits()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        await using var firstScope = app.Services.CreateAsyncScope();
        await using var secondScope = app.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();

        await using var firstTransaction = await first.Database.BeginTransactionAsync(Ct);
        var file = DatabaseFile(first);
        Assert.True(SqliteWriteGate.IsHeld(file));
        var secondBegins = second.Database.BeginTransactionAsync(Ct);
        // Waiting on the gate, not in SQLite's sleeping retry: it cannot finish while the first transaction is open.
        await Task.Delay(300, Ct);
        Assert.False(secondBegins.IsCompleted);

        await firstTransaction.CommitAsync(Ct);
        await using var secondTransaction = await secondBegins.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.True(SqliteWriteGate.IsHeld(file));
        await secondTransaction.RollbackAsync(Ct);

        Assert.False(SqliteWriteGate.IsHeld(file));
    }

    [Fact]
    public async Task A_write_statement_outside_a_transaction_waits_at_the_gate_and_a_read_does_not()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        await using var writerScope = app.Services.CreateAsyncScope();
        await using var otherScope = app.Services.CreateAsyncScope();
        var writer = writerScope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
        var other = otherScope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
        var now = app.Time.GetUtcNow().UtcDateTime;

        await using var transaction = await writer.Database.BeginTransactionAsync(Ct);
        writer.OutboxMessages.Add(new OutboxMessage("gate:held", "casey@helpline.example", "Held", "<p>1</p>", "1", now));
        await writer.SaveChangesAsync(Ct);

        // WAL: a reader sees the last commit without waiting for the writer.
        Assert.Equal(0, await other.OutboxMessages.CountAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct));
        var deleting = other.OutboxMessages.Where(m => m.Key == "gate:held").ExecuteDeleteAsync(Ct);
        await Task.Delay(300, Ct);
        Assert.False(deleting.IsCompleted);

        await transaction.CommitAsync(Ct);
        Assert.Equal(1, await deleting.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.False(SqliteWriteGate.IsHeld(DatabaseFile(other)));
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_or_rollback_opens_the_gate()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        string file;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
            await using (await db.Database.BeginTransactionAsync(Ct))
            {
                file = DatabaseFile(db);
                Assert.True(SqliteWriteGate.IsHeld(file));
            }

            Assert.False(SqliteWriteGate.IsHeld(file));
            await db.Database.BeginTransactionAsync(Ct);
            Assert.True(SqliteWriteGate.IsHeld(file));
        }

        // The scope ended with its transaction still open: disposing the context closed the connection and opened the gate.
        Assert.False(SqliteWriteGate.IsHeld(file));
    }

    [Fact]
    public async Task A_save_that_fails_opens_the_gate_for_the_next_writer()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var now = app.Time.GetUtcNow().UtcDateTime;
        await app.WithDb(db =>
        {
            db.OutboxMessages.Add(new OutboxMessage("gate:1", "casey@helpline.example", "First", "<p>1</p>", "1", now));
            return db.SaveChangesAsync(Ct);
        });

        var file = await app.WithDb(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage("gate:1", "casey@helpline.example", "Same key", "<p>2</p>", "2", now));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
            return DatabaseFile(db);
        });

        Assert.False(SqliteWriteGate.IsHeld(file));
        await app.WithDb(db =>
        {
            db.OutboxMessages.Add(new OutboxMessage("gate:2", "casey@helpline.example", "Next", "<p>3</p>", "3", now));
            return db.SaveChangesAsync(Ct);
        }).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(2, await app.WithDb(db => db.OutboxMessages.CountAsync(Ct)));
    }

    private static string DatabaseFile(TakedownDeskDbContext db) => ((SqliteConnection)db.Database.GetDbConnection()).DataSource;
}
