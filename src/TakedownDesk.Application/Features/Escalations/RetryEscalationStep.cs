using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Escalations;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>A supervisor puts a failed (poisoned) step back: pending, due now, with all its attempts again.</summary>
public sealed record RetryEscalationStepCommand(Guid StepId) : ICommand<RetriedEscalationStep>;

/// <summary>The step as it is now; its case id is also what the audit entry is filed under.</summary>
public sealed record RetriedEscalationStep(Guid StepId, Guid CaseId, EscalationState State);

public sealed class RetryEscalationStepValidator : AbstractValidator<RetryEscalationStepCommand>
{
    public RetryEscalationStepValidator() => RuleFor(c => c.StepId).NotEmpty();
}

public sealed class RetryEscalationStepHandler(ITakedownDeskDb db, TimeProvider time) : ICommandHandler<RetryEscalationStepCommand, RetriedEscalationStep>
{
    public async ValueTask<RetriedEscalationStep> Handle(RetryEscalationStepCommand command, CancellationToken cancellationToken)
    {
        var step = await db.EscalationSteps.SingleOrDefaultAsync(s => s.Id == command.StepId, cancellationToken)
                   ?? throw new NotFoundException("Escalation step", command.StepId);
        step.Retry(time.UtcNow());
        return new RetriedEscalationStep(step.Id, step.CaseId, step.State);
    }
}
