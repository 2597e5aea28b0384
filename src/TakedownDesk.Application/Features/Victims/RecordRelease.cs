using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Victims;

public sealed record RecordReleaseCommand(Guid CaseId, ReleaseInput Release) : ICommand<Guid>;

public sealed class RecordReleaseValidator : AbstractValidator<RecordReleaseCommand>
{
    public RecordReleaseValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.Release).NotNull().SetValidator(new ReleaseInputValidator());
    }
}

public sealed class RecordReleaseHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<RecordReleaseCommand, Guid>
{
    public async ValueTask<Guid> Handle(RecordReleaseCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        var victim = await db.LoadVictimAsync(@case.VictimId, cancellationToken);
        var release = await command.Release.RecordOnAsync(db, victim, time.UtcNow(), cancellationToken);
        @case.NoteReleaseRecorded(time.UtcNow());
        return release.Id;
    }
}
