using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Escalations;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>The policy changed: every step not yet run moves to the instant the current policy gives it. Returns how many moved.</summary>
public sealed record ReplanEscalationsCommand : ICommand<int>;

public sealed class ReplanEscalationsHandler(ITakedownDeskDb db, IEscalationPolicySource policySource) : ICommandHandler<ReplanEscalationsCommand, int>
{
    public async ValueTask<int> Handle(ReplanEscalationsCommand command, CancellationToken cancellationToken)
    {
        var policy = policySource.Current;
        var pending = await db.EscalationSteps
            .Where(s => s.State == EscalationState.Pending)
            .Join(
                db.RemovalRequests,
                s => s.RequestId,
                r => r.Id,
                (s, r) => new { Step = s, r.Submission!.SubmittedAtUtc, r.DeadlineAtUtc })
            .ToListAsync(cancellationToken);
        var moved = 0;
        foreach (var row in pending)
        {
            var dueAt = policy.DueAt(row.Step.Kind, row.SubmittedAtUtc, row.DeadlineAtUtc);
            if (dueAt != row.Step.DueAtUtc && dueAt != DateTime.MaxValue)
            {
                row.Step.Reschedule(dueAt);
                moved++;
            }
        }

        return moved;
    }
}
