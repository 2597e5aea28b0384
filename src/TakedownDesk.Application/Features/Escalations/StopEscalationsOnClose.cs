using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Facts;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>A resolved or disputed request needs no more escalations: its pending steps are cancelled and its unsent follow-ups withdrawn.</summary>
public sealed class StopEscalationsOnClose(ITakedownDeskDb db) : IReactTo<RequestClosed>
{
    public async ValueTask ReactAsync(RequestClosed fact, CancellationToken cancellationToken)
    {
        var steps = await db.EscalationSteps
            .Where(s => s.RequestId == fact.RequestId && (s.State == EscalationState.Pending || s.State == EscalationState.Claimed))
            .ToListAsync(cancellationToken);
        foreach (var step in steps.Concat(db.EscalationSteps.Local.Where(s => s.RequestId == fact.RequestId && s.IsPending)).Distinct())
        {
            step.Cancel(fact.ClosedAtUtc);
        }

        var followUps = await db.FollowUps
            .Where(f => f.RequestId == fact.RequestId && f.State == FollowUpState.ReadyToSend)
            .ToListAsync(cancellationToken);
        foreach (var followUp in followUps)
        {
            followUp.Withdraw(fact.ClosedAtUtc);
        }
    }
}
