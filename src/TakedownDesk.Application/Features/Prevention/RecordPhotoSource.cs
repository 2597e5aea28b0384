using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Prevention;

namespace TakedownDesk.Application.Features.Prevention;

/// <summary>Adds a public profile or photo source to the victim's prevention plan, "to review"; platform and address are sealed.</summary>
public sealed record RecordPhotoSourceCommand(Guid CaseId, string Platform, string Url) : ICommand<Guid>;

public sealed class RecordPhotoSourceValidator : AbstractValidator<RecordPhotoSourceCommand>
{
    public RecordPhotoSourceValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.Platform).NotEmpty().WithMessage("Name the platform or site of the profile.").MaximumLength(PhotoSource.MaxPlatformLength);
        RuleFor(c => c.Url).NotEmpty().WithMessage("Give the profile's web address.").MaximumLength(NormalizedUrl.MaximumLength);
    }
}

public sealed class RecordPhotoSourceHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<RecordPhotoSourceCommand, Guid>
{
    public async ValueTask<Guid> Handle(RecordPhotoSourceCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        var source = PhotoSource.Record(@case, command.Platform, command.Url, staff.Id, time.UtcNow());
        db.PhotoSources.Add(source);
        return source.Id;
    }
}
