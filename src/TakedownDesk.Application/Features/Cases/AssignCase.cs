using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Cases;

public sealed record AssignCaseCommand(Guid CaseId, string StaffId, Guid? ExpectedConcurrencyStamp) : ICommand;

public sealed class AssignCaseValidator : AbstractValidator<AssignCaseCommand>
{
    public AssignCaseValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.StaffId).NotEmpty().MaximumLength(100);
    }
}

public sealed class AssignCaseHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<AssignCaseCommand>
{
    public async ValueTask<Unit> Handle(AssignCaseCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        ConcurrencyStamp.EnsureUnchanged(@case, command.ExpectedConcurrencyStamp);
        @case.Assign(command.StaffId, time.UtcNow());
        return Unit.Value;
    }
}
