using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Escalations;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>When the sweep next has something to do: the earliest run time of a waiting step (the sweep's own index), or null.</summary>
public sealed record GetNextEscalationDueQuery : IRequest<DateTime?>;

public sealed class GetNextEscalationDueHandler(ITakedownDeskDb db) : IRequestHandler<GetNextEscalationDueQuery, DateTime?>
{
    public async ValueTask<DateTime?> Handle(GetNextEscalationDueQuery query, CancellationToken cancellationToken) =>
        await db.EscalationSteps
            .Where(s => s.State == EscalationState.Pending || s.State == EscalationState.Claimed)
            .OrderBy(s => s.NextRunAtUtc)
            .Select(s => (DateTime?)s.NextRunAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
}
