using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Prevention;

namespace TakedownDesk.Application.Features.Prevention;

/// <summary>Records what became of a photo source (made private, removed, kept public); any case of the victim may change it.</summary>
public sealed record ChangePhotoSourceStatusCommand(Guid CaseId, Guid SourceId, PhotoSourceStatus Status) : ICommand;

public sealed class ChangePhotoSourceStatusValidator : AbstractValidator<ChangePhotoSourceStatusCommand>
{
    public ChangePhotoSourceStatusValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.SourceId).NotEmpty();
        RuleFor(c => c.Status).IsInEnum();
    }
}

public sealed class ChangePhotoSourceStatusHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<ChangePhotoSourceStatusCommand>
{
    public async ValueTask<Unit> Handle(ChangePhotoSourceStatusCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        var source = await db.PhotoSources.SingleOrDefaultAsync(s => s.Id == command.SourceId && s.VictimId == @case.VictimId, cancellationToken)
            ?? throw new NotFoundException("Photo source", command.SourceId);
        source.ChangeStatus(command.Status, time.UtcNow());
        return Unit.Value;
    }
}
