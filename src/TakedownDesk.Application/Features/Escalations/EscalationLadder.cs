using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>
/// Drafts the follow-up for a level of the platform's escalation path, once per level, and, where the organisation
/// allows it, sends a follow-up to an e-mail contact straight away.
/// </summary>
public sealed class EscalationLadder(ITakedownDeskDb db, FollowUpMail mail, IEscalationPolicySource policy, TimeProvider time)
{
    public async Task<FollowUpNotice?> DraftAsync(RemovalRequest request, int level, CancellationToken cancellationToken)
    {
        if (request.Status != RequestStatus.Overdue
            || await db.FollowUps.AnyAsync(f => f.RequestId == request.Id && f.Level == level, cancellationToken))
        {
            return null;
        }

        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == request.PlatformId, cancellationToken);
        var contact = platform.EscalationLevel(level) ?? (level == 0 ? FromSubmission(request.Submission!) : null);
        if (contact is null)
        {
            return null;
        }

        var followUp = FollowUpNotice.Draft(request, level, contact, time.UtcNow());
        db.FollowUps.Add(followUp);
        if (policy.Current.SendEmailFollowUpsWithoutReview && followUp.Channel == ChannelKind.Email && followUp.Target is not null)
        {
            await mail.QueueAsync(followUp, cancellationToken);
        }

        return followUp;
    }

    private static EscalationContact FromSubmission(Submission submission) =>
        new(EscalationContactRole.DesignatedChannel, submission.Channel, submission.ChannelTarget, submission.WhyDesignated, 0, Verified: true);
}
