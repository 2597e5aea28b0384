using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.Application.Features.Audit;

/// <summary>
/// Seals the entries appended since the last pass into the hash chain, in append order, and signs the chain's head
/// now and then. One sealer at a time on any instance (a transaction lock; on SQLite the one writer), so the chain
/// cannot fork, while the request path appends without waiting for it. Not a mediator command: sealing is not an
/// action to audit, and an entry per pass would never let the trail come to rest.
/// </summary>
public sealed class AuditSealer(ITakedownDeskDb db, IAuditSigner signer, TimeProvider time, IOptions<AuditOptions> options)
{
    /// <summary>Seals every entry waiting, batch by batch; with <paramref name="signHead"/> the head is signed even if no checkpoint is due.</summary>
    /// <returns>How many entries were sealed.</returns>
    public async Task<int> SealPendingAsync(bool signHead, CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Value.SealBatchSize);
        var total = 0;
        int sealedNow;
        do
        {
            sealedNow = await SealBatchAsync(batchSize, signHead && total == 0, cancellationToken);
            total += sealedNow;
        }
        while (sealedNow == batchSize);

        return total;
    }

    private async Task<int> SealBatchAsync(int batchSize, bool signHead, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TransactionLock.AuditSealing.AcquireAsync(db, cancellationToken);
        var waiting = await db.AuditEntries.Where(e => e.Sequence == null).OrderBy(e => e.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (waiting.Count == 0 && !signHead)
        {
            return 0;
        }

        var head = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null).OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        foreach (var entry in waiting)
        {
            entry.SealAfter(head);
            head = entry;
        }

        if (head is not null && (signHead || await CheckpointDueAsync(head, cancellationToken)))
        {
            db.AuditCheckpoints.Add(signer.Sign(head.Sequence!.Value, head.Hash!, time.UtcNow()));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var entry in waiting)
        {
            // A long backlog is sealed in many batches by one context: keep it from holding every entry.
            db.AuditEntries.Entry(entry).State = EntityState.Detached;
        }

        return waiting.Count;
    }

    private async Task<bool> CheckpointDueAsync(AuditEntry head, CancellationToken cancellationToken)
    {
        var last = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (last is null)
        {
            return true;
        }

        var settings = options.Value;
        return head.Sequence > last.Sequence
               && (head.Sequence - last.Sequence >= settings.CheckpointEveryEntries
                   || time.UtcNow() - last.SignedAtUtc >= TimeSpan.FromMinutes(settings.CheckpointEveryMinutes));
    }
}
