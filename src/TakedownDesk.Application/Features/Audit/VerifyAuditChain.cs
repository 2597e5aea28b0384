using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.Application.Features.Audit;

/// <summary>
/// Walks the audit chain from the start and reports the first entry that was altered, removed or inserted. A chain
/// cut short at its end still links up, so an <paramref name="Anchor"/> — a head recorded outside the database
/// earlier — proves the entries up to it are still there, unchanged.
/// </summary>
public sealed record VerifyAuditChainQuery(AuditAnchor? Anchor = null) : IQuery<AuditChainReport>;

/// <summary>A chain head as <c>verify-audit</c> prints it: "SEQUENCE:HASH".</summary>
public sealed record AuditAnchor(long Sequence, string Hash)
{
    public static bool TryParse(string text, out AuditAnchor? anchor)
    {
        var parts = text.Split(':', 2);
        anchor = parts.Length == 2 && long.TryParse(parts[0], out var sequence) && sequence > 0 && parts[1].Length > 0
            ? new AuditAnchor(sequence, parts[1])
            : null;
        return anchor is not null;
    }

    public override string ToString() => $"{Sequence}:{Hash}";
}

/// <param name="Intact">Every entry links to the one before, and the anchor (if given) is there unchanged.</param>
/// <param name="EntriesChecked">How many entries verified before the first break.</param>
/// <param name="FirstBrokenSequence">The sequence number at which the chain stops verifying (a missing entry's own number).</param>
/// <param name="Head">The last verified entry, to be recorded outside the database as the next anchor.</param>
/// <param name="AnchorMissing">The anchor's entry is gone or differs: entries at or before it were removed or rewritten.</param>
public sealed record AuditChainReport(bool Intact, long EntriesChecked, long? FirstBrokenSequence, AuditAnchor? Head = null, bool AnchorMissing = false);

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
        var anchorFound = query.Anchor is null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!entry.FollowsFrom(previous))
            {
                var expected = (previous?.Sequence ?? 0) + 1;
                return new AuditChainReport(false, checkedCount, Math.Min(expected, entry.Sequence), Head(previous));
            }

            anchorFound = anchorFound || (entry.Sequence == query.Anchor!.Sequence && string.Equals(entry.Hash, query.Anchor.Hash, StringComparison.Ordinal));
            previous = entry;
            checkedCount++;
        }

        return anchorFound
            ? new AuditChainReport(true, checkedCount, null, Head(previous))
            : new AuditChainReport(false, checkedCount, Math.Min(query.Anchor!.Sequence, (previous?.Sequence ?? 0) + 1), Head(previous), AnchorMissing: true);
    }

    private static AuditAnchor? Head(AuditEntry? entry) => entry is null ? null : new AuditAnchor(entry.Sequence, entry.Hash);
}
