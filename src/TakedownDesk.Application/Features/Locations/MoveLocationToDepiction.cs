using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Locations;

/// <summary>Regroups a location: it is a known identical copy of another depiction than the one it was pasted with.</summary>
public sealed record MoveLocationToDepictionCommand(Guid CaseId, Guid LocationId, Guid DepictionId) : ICommand;

public sealed class MoveLocationToDepictionValidator : AbstractValidator<MoveLocationToDepictionCommand>
{
    public MoveLocationToDepictionValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.LocationId).NotEmpty();
        RuleFor(c => c.DepictionId).NotEmpty();
    }
}

public sealed class MoveLocationToDepictionHandler(ITakedownDeskDb db, ICurrentStaff staff) : ICommandHandler<MoveLocationToDepictionCommand>
{
    public async ValueTask<Unit> Handle(MoveLocationToDepictionCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        @case.MoveLocationToDepiction(command.LocationId, command.DepictionId);
        return Unit.Value;
    }
}
