using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TakedownDesk.Infrastructure.Persistence;

/// <summary>Raises the work a context saved inside a transaction once that transaction commits, not before.</summary>
internal sealed class WorkSignalInterceptor : DbTransactionInterceptor
{
    public static readonly WorkSignalInterceptor Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as TakedownDeskDbContext)?.RaiseCommittedWork();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as TakedownDeskDbContext)?.RaiseCommittedWork();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as TakedownDeskDbContext)?.ForgetUncommittedWork();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as TakedownDeskDbContext)?.ForgetUncommittedWork();
        return Task.CompletedTask;
    }
}
