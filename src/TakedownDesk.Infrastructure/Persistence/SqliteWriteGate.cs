using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TakedownDesk.Infrastructure.Persistence;

/// <summary>
/// SQLite has one writer at a time. A second writer's BEGIN IMMEDIATE answers "busy", and Microsoft.Data.Sqlite retries it
/// with a blocking 150 ms sleep: under load that rounds every write up to sleeps and starves the thread pool (a profile
/// of 50 staff showed 35 % of thread time in Thread.Sleep). Write transactions of this process therefore queue here,
/// asynchronously and first come first served, one gate per database file. SQLite's own retry stays the fallback for
/// writers outside the gate (another process, a wait longer than the timeout). A write statement outside a transaction
/// (ExecuteUpdate, ExecuteDelete, a one-row SaveChanges) is a transaction of its own to SQLite, so it queues here too.
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor, IDbCommandInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> GatesByFile = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<DbConnection, SemaphoreSlim> Holders = new();

    private SqliteWriteGate()
    {
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (GateOf(connection) is { } gate && gate.Wait(Timeout(connection)))
        {
            Hold(connection, gate);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (GateOf(connection) is { } gate && await gate.WaitAsync(Timeout(connection), cancellationToken))
        {
            Hold(connection, gate);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(transaction, eventData));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ConnectionOf(transaction, eventData));
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(ConnectionOf(transaction, eventData));

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ConnectionOf(transaction, eventData));
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(ConnectionOf(transaction, eventData));

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(ConnectionOf(transaction, eventData));
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback raises no transaction event; it ends when its connection closes.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    // A statement keeps its write lock until its reader is done with it (an INSERT ... RETURNING is read as rows).
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        ReleaseStatement(command);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterForStatement(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterForStatementAsync(command, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ReleaseStatement(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ReleaseStatement(command);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ReleaseStatement(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseStatement(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ReleaseStatement(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseStatement(command);
        return Task.CompletedTask;
    }

    /// <summary>Whether a write transaction of this process holds the gate of a database file (as SqliteConnection.DataSource names it).</summary>
    public static bool IsHeld(string databaseFile) => GatesByFile.TryGetValue(databaseFile, out var gate) && gate.CurrentCount == 0;

    private static SemaphoreSlim? GateOf(DbConnection connection) =>
        connection is SqliteConnection { DataSource: { Length: > 0 } file }
            ? GatesByFile.GetOrAdd(file, _ => new SemaphoreSlim(1, 1))
            : null;

    /// <summary>A statement of its own that may write: outside a transaction (inside one, the transaction holds the gate) and not a plain SELECT.</summary>
    private static bool WritesOnItsOwn(DbCommand command) =>
        command.Transaction is null && command.Connection is { } connection && !Holders.ContainsKey(connection)
        && !command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    private static void EnterForStatement(DbCommand command)
    {
        if (WritesOnItsOwn(command) && GateOf(command.Connection!) is { } gate && gate.Wait(Timeout(command.Connection!)))
        {
            Hold(command.Connection!, gate);
        }
    }

    private static async Task EnterForStatementAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (WritesOnItsOwn(command) && GateOf(command.Connection!) is { } gate && await gate.WaitAsync(Timeout(command.Connection!), cancellationToken))
        {
            Hold(command.Connection!, gate);
        }
    }

    private static void ReleaseStatement(DbCommand command)
    {
        if (command.Transaction is null)
        {
            Release(command.Connection);
        }
    }

    private static TimeSpan Timeout(DbConnection connection) =>
        TimeSpan.FromSeconds(connection is SqliteConnection { DefaultTimeout: > 0 and var seconds } ? seconds : 30);

    // A committed SqliteTransaction forgets its connection; the context still knows it.
    private static DbConnection? ConnectionOf(DbTransaction transaction, TransactionEventData eventData) =>
        eventData.Context?.Database.GetDbConnection() ?? transaction.Connection;

    private static void Hold(DbConnection connection, SemaphoreSlim gate)
    {
        if (!Holders.TryAdd(connection, gate))
        {
            gate.Release();
        }
    }

    private static void Release(DbConnection? connection)
    {
        if (connection is not null && Holders.TryRemove(connection, out var gate))
        {
            gate.Release();
        }
    }
}
