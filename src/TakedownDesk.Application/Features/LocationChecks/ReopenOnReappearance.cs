using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Facts;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Alerts;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Features.LocationChecks;

/// <summary>
/// A confirmed removal is online again: every request that covered the location shows it, and the case's assignee gets
/// an alert (a row, sent by the coalescer through the outbox) in the same transaction as the check.
/// </summary>
public sealed class ReopenOnReappearance(ITakedownDeskDb db, IStaffDirectory directory, TimeProvider time) : IReactTo<LocationReappeared>
{
    public async ValueTask ReactAsync(LocationReappeared fact, CancellationToken cancellationToken)
    {
        var requests = await db.RemovalRequests.Include(r => r.Items)
            .Where(r => r.CaseId == fact.CaseId && r.Items.Any(i => i.LocationId == fact.LocationId))
            .ToListAsync(cancellationToken);
        foreach (var request in requests)
        {
            request.NoteReappeared(fact.LocationId, fact.CheckedAtUtc);
        }

        var @case = await db.Cases.Where(c => c.Id == fact.CaseId).Select(c => new { c.Reference, c.AssignedStaffId }).SingleAsync(cancellationToken);
        var check = db.LocationChecks.Local.Single(c => c.Id == fact.CheckId);
        var latest = requests.OrderByDescending(r => r.CreatedAtUtc).FirstOrDefault();
        var platform = latest is null ? string.Empty : await db.Platforms.Where(p => p.Id == latest.PlatformId).Select(p => p.Name).SingleAsync(cancellationToken);
        var facts = new AlertFacts(
            latest?.Id,
            @case.Reference,
            latest?.Reference ?? string.Empty,
            platform,
            null,
            LocationStatus.Live.ToString(),
            $"An automatic check answered {check.StatusCode} at a location recorded as removed.");
        IReadOnlyList<StaffContact> recipients = await directory.GetAsync(@case.AssignedStaffId, cancellationToken) is { } assignee
            ? [assignee]
            : await directory.SupervisorsAsync(cancellationToken);
        foreach (var recipient in recipients)
        {
            // Insert-if-absent; the unique index on Key backs this up if two transactions race.
            if (!await db.StaffAlerts.AnyAsync(a => a.Key == StaffAlert.ReappearanceKeyFor(check.Id, recipient.Id), cancellationToken))
            {
                db.StaffAlerts.Add(StaffAlert.ForReappearance(check, recipient.Id, facts, time.UtcNow()));
            }
        }
    }
}
