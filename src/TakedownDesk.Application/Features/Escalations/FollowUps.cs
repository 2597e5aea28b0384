using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Escalations;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>Loads a follow-up for the signed-in staff member: visible exactly when its case is.</summary>
public sealed class FollowUps(ITakedownDeskDb db, ICurrentStaff staff)
{
    public async Task<FollowUpNotice> LoadAsync(Guid followUpId, CancellationToken cancellationToken)
    {
        var followUp = await db.FollowUps.SingleOrDefaultAsync(f => f.Id == followUpId, cancellationToken);
        if (followUp is null || !await db.Cases.VisibleTo(staff).AnyAsync(c => c.Id == followUp.CaseId, cancellationToken))
        {
            throw new NotFoundException("Follow-up notice", followUpId);
        }

        return followUp;
    }
}
