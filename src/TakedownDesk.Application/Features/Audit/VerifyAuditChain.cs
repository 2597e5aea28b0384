using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.Application.Features.Audit;

/// <summary>Walks the audit chain from the start and reports the first entry that was altered, removed or inserted.</summary>
public sealed record VerifyAuditChainQuery : IQuery<AuditChainReport>;

/// <summary><paramref name="FirstBrokenSequence"/> is the sequence number at which the chain stops verifying (a missing entry's own number).</summary>
public sealed record AuditChainReport(bool Intact, long EntriesChecked, long? FirstBrokenSequence);

public sealed class VerifyAuditChainHandler(ITakedownDeskDb db, ICurrentStaff staff) : IQueryHandler<VerifyAuditChainQuery, AuditChainReport>
{
    public async ValueTask<AuditChainReport> Handle(VerifyAuditChainQuery query, CancellationToken cancellationToken)
    {
        if (!staff.SeesAllCases)
        {
            throw new NotFoundException("The audit chain is not available to this account.");
        }

        AuditEntry? previous = null;
        long checkedCount = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!entry.FollowsFrom(previous))
            {
                var expected = (previous?.Sequence ?? 0) + 1;
                return new AuditChainReport(false, checkedCount, Math.Min(expected, entry.Sequence));
            }

            previous = entry;
            checkedCount++;
        }

        return new AuditChainReport(true, checkedCount, null);
    }
}
