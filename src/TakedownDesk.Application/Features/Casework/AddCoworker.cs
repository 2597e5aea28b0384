using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Application.Features.Casework;

/// <summary>The caseworker or a supervisor adds a co-worker, who opens and works the case like its caseworker until removed.</summary>
public sealed record AddCoworkerCommand(Guid CaseId, string StaffId) : ICommand;

public sealed class AddCoworkerValidator : AbstractValidator<AddCoworkerCommand>
{
    public AddCoworkerValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.StaffId).NotEmpty().WithMessage("Choose the staff member who works the case with you.").MaximumLength(100);
    }
}

public sealed class AddCoworkerHandler(ITakedownDeskDb db, ICurrentStaff staff, IStaffDirectory directory, TimeProvider time) : ICommandHandler<AddCoworkerCommand>
{
    public async ValueTask<Unit> Handle(AddCoworkerCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        BusinessRuleViolationException.ThrowIfBroken(new CasesGoToActiveStaff(await directory.GetAsync(command.StaffId, cancellationToken) is not null));
        @case.AddCoworker(command.StaffId, staff.Id, staff.SeesAllCases, time.UtcNow());
        return Unit.Value;
    }
}
