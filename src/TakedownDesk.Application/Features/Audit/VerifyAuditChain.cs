using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.Application.Features.Audit;

/// <summary>
/// Walks the sealed audit chain from the start and reports the first entry that was altered, removed or inserted.
/// Each signed checkpoint must match the entry it vouches for, so a chain rewritten from the start or cut short
/// behind a checkpoint is caught too. A chain cut short together with its newest checkpoints still links up: an
/// <paramref name="Anchor"/> — a head recorded outside the database earlier — proves the entries up to it are there.
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

/// <param name="Intact">Every entry links to the one before, every signed checkpoint matches, and the anchor (if given) is there unchanged.</param>
/// <param name="EntriesChecked">How many entries verified before the first break.</param>
/// <param name="FirstBrokenSequence">The sequence number at which the chain stops verifying (a missing entry's own number).</param>
/// <param name="Head">The last verified entry, to be recorded outside the database as the next anchor.</param>
/// <param name="AnchorMissing">The anchor's entry is gone or differs: entries at or before it were removed or rewritten.</param>
/// <param name="CheckpointMismatch">A validly signed checkpoint names an entry that is gone or differs: the chain was rewritten or cut short.</param>
/// <param name="CheckpointsVerified">Signed checkpoints whose signature and entry both check out.</param>
/// <param name="ForgedCheckpoints">Checkpoints whose signature does not verify: someone wrote to the checkpoint table.</param>
/// <param name="AwaitingSeal">Entries appended but not yet sealed into the chain (seconds old while the desk runs).</param>
/// <param name="LastCheckpointAtUtc">When the newest valid checkpoint was signed.</param>
public sealed record AuditChainReport(
    bool Intact,
    long EntriesChecked,
    long? FirstBrokenSequence,
    AuditAnchor? Head = null,
    bool AnchorMissing = false,
    bool CheckpointMismatch = false,
    int CheckpointsVerified = 0,
    int ForgedCheckpoints = 0,
    long AwaitingSeal = 0,
    DateTime? LastCheckpointAtUtc = null);

public sealed class VerifyAuditChainHandler(ITakedownDeskDb db, ICurrentStaff staff, IAuditSigner signer) : IQueryHandler<VerifyAuditChainQuery, AuditChainReport>
{
    public async ValueTask<AuditChainReport> Handle(VerifyAuditChainQuery query, CancellationToken cancellationToken)
    {
        if (!staff.SeesAllCases)
        {
            throw new NotFoundException("The audit chain is not available to this account.");
        }

        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(cancellationToken);
        var forged = checkpoints.Count(c => signer.Check(c) == CheckpointSignature.Invalid);
        var vouched = checkpoints.Where(c => signer.Check(c) == CheckpointSignature.Valid).ToList();
        var awaiting = await db.AuditEntries.LongCountAsync(e => e.Sequence == null, cancellationToken);
        var walk = await WalkAsync(vouched, query.Anchor, cancellationToken);
        var report = walk with
        {
            ForgedCheckpoints = forged,
            AwaitingSeal = awaiting,
            LastCheckpointAtUtc = vouched.Count == 0 ? null : vouched.Max(c => c.SignedAtUtc),
        };
        return forged > 0 ? report with { Intact = false } : report;
    }

    private async Task<AuditChainReport> WalkAsync(List<AuditCheckpoint> vouched, AuditAnchor? anchor, CancellationToken cancellationToken)
    {
        var expected = vouched.Select(c => (c.Sequence, c.Hash)).ToList();
        if (anchor is not null)
        {
            expected.Add((anchor.Sequence, anchor.Hash));
        }

        var bySequence = expected.ToLookup(e => e.Sequence, e => e.Hash);
        AuditEntry? previous = null;
        long checkedCount = 0;
        long lastMatched = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!entry.FollowsFrom(previous))
            {
                var expectedNext = (previous?.Sequence ?? 0) + 1;
                return new AuditChainReport(false, checkedCount, Math.Min(expectedNext, entry.Sequence!.Value), Head(previous));
            }

            if (bySequence[entry.Sequence!.Value].Any(hash => !string.Equals(hash, entry.Hash, StringComparison.Ordinal)))
            {
                // The chain links up but not to what was signed: rewritten somewhere after the last point that matched.
                var isAnchor = anchor is not null && anchor.Sequence == entry.Sequence && !string.Equals(anchor.Hash, entry.Hash, StringComparison.Ordinal);
                return new AuditChainReport(false, checkedCount, lastMatched + 1, Head(previous), AnchorMissing: isAnchor, CheckpointMismatch: !isAnchor);
            }

            if (bySequence.Contains(entry.Sequence.Value))
            {
                lastMatched = entry.Sequence.Value;
            }

            previous = entry;
            checkedCount++;
        }

        var headSequence = previous?.Sequence ?? 0;
        var cutShort = headSequence + 1;
        if (anchor is not null && anchor.Sequence > headSequence)
        {
            return new AuditChainReport(false, checkedCount, cutShort, Head(previous), AnchorMissing: true);
        }

        return vouched.Any(c => c.Sequence > headSequence)
            ? new AuditChainReport(false, checkedCount, cutShort, Head(previous), CheckpointMismatch: true)
            : new AuditChainReport(true, checkedCount, null, Head(previous), CheckpointsVerified: vouched.Count);
    }

    private static AuditAnchor? Head(AuditEntry? entry) => entry is null ? null : new AuditAnchor(entry.Sequence!.Value, entry.Hash!);
}
