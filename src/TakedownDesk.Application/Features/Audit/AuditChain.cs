using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.Application.Features.Audit;

/// <summary>Appends to the audit trail inside the caller's unit of work, without a lock; <see cref="AuditSealer"/> chains it later.</summary>
public static class AuditChain
{
    public static void Append(ITakedownDeskDb db, DateTime nowUtc, string actorId, Guid? caseId, string action, AuditKind kind) =>
        db.AuditEntries.Add(new AuditEntry(nowUtc, actorId, caseId, action, kind));
}
