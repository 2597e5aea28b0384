using TakedownDesk.Application.Common;
using TakedownDesk.Application.Facts;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>A submitted request gets its escalation steps under the policy in force, in the submission's transaction.</summary>
public sealed class PlanEscalationsOnSubmission(ITakedownDeskDb db, IEscalationPolicySource policy) : IReactTo<RequestSubmitted>
{
    public ValueTask ReactAsync(RequestSubmitted fact, CancellationToken cancellationToken)
    {
        db.EscalationSteps.AddRange(policy.Current.PlanFor(fact));
        return ValueTask.CompletedTask;
    }
}
