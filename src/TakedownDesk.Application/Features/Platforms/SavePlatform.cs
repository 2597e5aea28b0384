using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Application.Features.Platforms;

/// <summary>Creates a directory entry (no id) or edits one; an edit marks the entry unverified until someone checks it.</summary>
public sealed record SavePlatformCommand(Guid? PlatformId, string Slug, PlatformEntry Entry, Guid? ExpectedConcurrencyStamp) : ICommand<Guid>;

public sealed class SavePlatformValidator : AbstractValidator<SavePlatformCommand>
{
    public SavePlatformValidator()
    {
        RuleFor(c => c.Slug).NotEmpty().WithMessage("Enter a short name for addresses and templates, such as hugging-face.")
            .MaximumLength(60).WithMessage("Keep the short name to 60 characters or fewer.")
            .Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage("Use lower-case letters and digits joined by hyphens, such as hugging-face.");
        RuleFor(c => c.Entry).NotNull().SetValidator(new PlatformEntryValidator());
    }
}

public sealed class SavePlatformHandler(ITakedownDeskDb db) : ICommandHandler<SavePlatformCommand, Guid>
{
    public async ValueTask<Guid> Handle(SavePlatformCommand command, CancellationToken cancellationToken)
    {
        if (command.PlatformId is not { } id)
        {
            if (await db.Platforms.AnyAsync(p => p.Slug == command.Slug, cancellationToken))
            {
                throw new RequestValidationException(new Dictionary<string, string[]>
                {
                    [nameof(command.Slug)] = ["Another platform already uses this slug."],
                });
            }

            var created = new Platform(command.Slug, command.Entry.Profile, Verification.Unverified, null);
            db.Platforms.Add(created);
            return created.Id;
        }

        var platform = await db.Platforms.SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
                       ?? throw new NotFoundException("Platform", id);
        ConcurrencyStamp.EnsureUnchanged(platform, command.ExpectedConcurrencyStamp);
        platform.Edit(command.Entry.Profile);
        return platform.Id;
    }
}
