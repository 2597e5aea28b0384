using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.Application.Features.Audit;

/// <summary>Appends to the audit chain inside the caller's transaction, one writer at a time so that the chain cannot fork.</summary>
public static class AuditChain
{
    public static async Task AppendAsync(ITakedownDeskDb db, DateTime nowUtc, string actorId, Guid? caseId, string action, AuditKind kind, CancellationToken cancellationToken)
    {
        await TransactionLock.AuditChain.AcquireAsync(db, cancellationToken);
        var previous = db.AuditEntries.Local.Where(e => db.AuditEntries.Entry(e).State == EntityState.Added).MaxBy(e => e.Sequence)
                       ?? await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry(previous, nowUtc, actorId, caseId, action, kind));
    }
}
