using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Features.Locations;

/// <summary>Staff checked a location (without opening the content) and record whether it is still live.</summary>
public sealed record ChangeLocationStatusCommand(Guid CaseId, Guid LocationId, LocationStatus Status, string Reason) : ICommand;

public sealed class ChangeLocationStatusValidator : AbstractValidator<ChangeLocationStatusCommand>
{
    public ChangeLocationStatusValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.LocationId).NotEmpty();
        RuleFor(c => c.Status).IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }
}

public sealed class ChangeLocationStatusHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<ChangeLocationStatusCommand>
{
    public async ValueTask<Unit> Handle(ChangeLocationStatusCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        @case.ChangeLocationStatus(command.LocationId, command.Status, command.Reason, time.UtcNow());
        return Unit.Value;
    }
}
