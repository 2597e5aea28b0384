using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Platforms;

/// <summary>Someone read the platform's own page today and the entry matches it.</summary>
public sealed record MarkPlatformVerifiedCommand(Guid PlatformId, string? Source) : ICommand;

public sealed class MarkPlatformVerifiedValidator : AbstractValidator<MarkPlatformVerifiedCommand>
{
    public MarkPlatformVerifiedValidator()
    {
        RuleFor(c => c.PlatformId).NotEmpty();
        RuleFor(c => c.Source).MaximumLength(2000);
    }
}

public sealed class MarkPlatformVerifiedHandler(ITakedownDeskDb db, TimeProvider time) : ICommandHandler<MarkPlatformVerifiedCommand>
{
    public async ValueTask<Unit> Handle(MarkPlatformVerifiedCommand command, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.SingleOrDefaultAsync(p => p.Id == command.PlatformId, cancellationToken)
                       ?? throw new NotFoundException("Platform", command.PlatformId);
        platform.MarkVerified(DateOnly.FromDateTime(time.UtcNow()), command.Source);
        return Unit.Value;
    }
}
