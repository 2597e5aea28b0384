using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.Application.Features.Audit;

/// <summary>Appends to the audit chain inside the caller's transaction, one writer at a time so that the chain cannot fork.</summary>
public static class AuditChain
{
    private const long LockKey = 7_240_613_001;

    public static async Task AppendAsync(ITakedownDeskDb db, DateTime nowUtc, string actorId, Guid? caseId, string action, AuditKind kind, CancellationToken cancellationToken)
    {
        await LockAsync(db, cancellationToken);
        var previous = db.AuditEntries.Local.Where(e => db.AuditEntries.Entry(e).State == EntityState.Added).MaxBy(e => e.Sequence)
                       ?? await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry(previous, nowUtc, actorId, caseId, action, kind));
    }

    /// <summary>Held until the transaction ends. SQLite needs none: its transactions begin IMMEDIATE, one writer at a time.</summary>
    private static async Task LockAsync(ITakedownDeskDb db, CancellationToken cancellationToken)
    {
        switch (db.Database.ProviderName)
        {
            case "Npgsql.EntityFrameworkCore.PostgreSQL":
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
                break;
            case "Microsoft.EntityFrameworkCore.SqlServer":
                await db.Database.ExecuteSqlRawAsync(
                    "EXEC sp_getapplock @Resource = 'TakedownDesk.AuditChain', @LockMode = 'Exclusive', @LockOwner = 'Transaction'", cancellationToken);
                break;
            default:
                break;
        }
    }
}
