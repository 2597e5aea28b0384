using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Facts;
using TakedownDesk.Domain.Escalations;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>A level of the ladder was sent: if the platform's path goes on, the next level falls due after its wait.</summary>
public sealed class PlanNextLevelOnFollowUpSent(ITakedownDeskDb db) : IReactTo<FollowUpSent>
{
    public async ValueTask ReactAsync(FollowUpSent fact, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == fact.PlatformId, cancellationToken);
        if (EscalationPolicy.PlanNextLevel(fact, platform.EscalationLevel(fact.Level + 1)) is { } step)
        {
            db.EscalationSteps.Add(step);
        }
    }
}
