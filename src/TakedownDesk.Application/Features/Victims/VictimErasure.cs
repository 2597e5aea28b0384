using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Application.Features.Victims;

/// <summary>
/// Erases everything held about one victim. The data key is destroyed first (crypto-shredding): from that moment every
/// copy of their encrypted fields, in this database and in its backups, is unreadable, even if deleting the rows fails.
/// </summary>
public static class VictimErasure
{
    public static async Task<ErasureRecord> EraseAsync(
        ITakedownDeskDb db, IVictimKeys keys, Guid victimId, ErasureReason reason, string actorId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var cases = db.Cases.Where(c => c.VictimId == victimId);
        var caseIds = await cases.Select(c => c.Id).ToListAsync(cancellationToken);
        var locations = await cases.SelectMany(c => c.Locations).CountAsync(cancellationToken);
        var victim = db.Victims.Where(v => v.Id == victimId);
        var contacts = await victim.SelectMany(v => v.ContactChannels).CountAsync(cancellationToken);
        var releases = await victim.SelectMany(v => v.Releases).CountAsync(cancellationToken);

        await keys.ShredAsync(victimId, cancellationToken);

        var timeline = await db.Timeline.Where(t => caseIds.Contains(t.CaseId)).ExecuteDeleteAsync(cancellationToken);
        // Location alerts hang on the case, not on a request, so the requests' cascade does not reach them.
        await db.StaffAlerts.Where(a => a.CaseId != null && caseIds.Contains(a.CaseId.Value)).ExecuteDeleteAsync(cancellationToken);
        var requests = await db.RemovalRequests.Where(r => caseIds.Contains(r.CaseId)).ExecuteDeleteAsync(cancellationToken);
        var caseCount = await cases.ExecuteDeleteAsync(cancellationToken);
        await victim.ExecuteDeleteAsync(cancellationToken);

        var record = new ErasureRecord(nowUtc, actorId, reason, new ErasedCounts(caseCount, locations, requests, contacts, releases, timeline));
        db.Erasures.Add(record);
        return record;
    }
}
