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
        RuleFor(c => c.Slug).NotEmpty().MaximumLength(60);
        RuleFor(c => c.Entry).NotNull();
        RuleFor(c => c.Entry.Name).NotEmpty().MaximumLength(200).PlainName();
        RuleFor(c => c.Entry.Kind).IsInEnum();
        RuleFor(c => c.Entry.Coverage).IsInEnum();
        RuleForEach(c => c.Entry.Domains).NotEmpty().MaximumLength(253);
        RuleFor(c => c.Entry.Domains).Must(d => d is null || d.Count <= 100).WithMessage("At most 100 domains.");
        RuleForEach(c => c.Entry.Channels).ChildRules(channel =>
        {
            channel.RuleFor(x => x.Kind).IsInEnum();
            channel.RuleFor(x => x.Target).MaximumLength(2000).SingleLine();
            channel.RuleFor(x => x.Instructions).MaximumLength(4000);
        });
        RuleFor(c => c.Entry.Notes).MaximumLength(4000);
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
