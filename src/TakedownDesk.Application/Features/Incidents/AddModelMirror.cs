using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Locations;

namespace TakedownDesk.Application.Features.Incidents;

/// <summary>Records a copy of a person-specific model found on another hub; returns the new location's id.</summary>
public sealed record AddModelMirrorCommand(Guid CaseId, Guid IncidentId, string MirrorUrl) : ICommand<Guid>;

public sealed class AddModelMirrorValidator : AbstractValidator<AddModelMirrorCommand>
{
    public AddModelMirrorValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.IncidentId).NotEmpty();
        RuleFor(c => c.MirrorUrl).Must(LocationIntake.IsRecordableUrl).WithMessage("Give the mirror's full web address (https://…).");
    }
}

public sealed class AddModelMirrorHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<AddModelMirrorCommand, Guid>
{
    public async ValueTask<Guid> Handle(AddModelMirrorCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        var mirror = await LocationIntake.CandidateAsync(db, command.MirrorUrl, cancellationToken);
        return @case.AddModelMirror(command.IncidentId, mirror, time.UtcNow()).Id;
    }
}
