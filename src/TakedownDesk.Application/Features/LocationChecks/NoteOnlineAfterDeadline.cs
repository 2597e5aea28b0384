using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Facts;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Features.LocationChecks;

/// <summary>A location seen online after a request's deadline is evidence on that request, for its follow-ups and the FTC pack.</summary>
public sealed class NoteOnlineAfterDeadline(ITakedownDeskDb db) : IReactTo<LocationSeenOnline>
{
    public async ValueTask ReactAsync(LocationSeenOnline fact, CancellationToken cancellationToken)
    {
        var requests = await db.RemovalRequests.Include(r => r.Items)
            .Where(r => r.CaseId == fact.CaseId && r.DeadlineAtUtc != null && r.DeadlineAtUtc < fact.CheckedAtUtc && r.Items.Any(i => i.LocationId == fact.LocationId))
            .ToListAsync(cancellationToken);
        foreach (var request in requests)
        {
            request.NoteOnlineAfterDeadline(fact.LocationId, fact.CheckedAtUtc);
        }
    }
}
