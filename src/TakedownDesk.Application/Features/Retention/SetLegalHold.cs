using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Retention;

/// <summary>Sets or lifts a legal hold; while any of a victim's cases is on hold, retention does not erase them.</summary>
public sealed record SetLegalHoldCommand(Guid CaseId, bool OnHold) : ICommand;

public sealed class SetLegalHoldValidator : AbstractValidator<SetLegalHoldCommand>
{
    public SetLegalHoldValidator() => RuleFor(c => c.CaseId).NotEmpty();
}

public sealed class SetLegalHoldHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<SetLegalHoldCommand>
{
    public async ValueTask<Unit> Handle(SetLegalHoldCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        @case.SetLegalHold(command.OnHold, time.UtcNow());
        return Unit.Value;
    }
}
