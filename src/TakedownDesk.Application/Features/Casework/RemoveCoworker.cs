using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Casework;

/// <summary>Ends a co-worker's access at once (a handover's grace too); the row stays as the record of who had access until when.</summary>
public sealed record RemoveCoworkerCommand(Guid CaseId, string StaffId) : ICommand;

public sealed class RemoveCoworkerValidator : AbstractValidator<RemoveCoworkerCommand>
{
    public RemoveCoworkerValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.StaffId).NotEmpty().MaximumLength(100);
    }
}

public sealed class RemoveCoworkerHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<RemoveCoworkerCommand>
{
    public async ValueTask<Unit> Handle(RemoveCoworkerCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        @case.RemoveCoworker(command.StaffId, staff.Id, staff.SeesAllCases, time.UtcNow());
        return Unit.Value;
    }
}
