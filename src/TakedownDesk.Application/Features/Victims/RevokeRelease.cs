using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Victims;

/// <summary>The victim withdrew consent: no new request may rely on this release.</summary>
public sealed record RevokeReleaseCommand(Guid CaseId, Guid ReleaseId, string? Reason) : ICommand;

public sealed class RevokeReleaseValidator : AbstractValidator<RevokeReleaseCommand>
{
    public RevokeReleaseValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.ReleaseId).NotEmpty();
        RuleFor(c => c.Reason).MaximumLength(1000);
    }
}

public sealed class RevokeReleaseHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<RevokeReleaseCommand>
{
    public async ValueTask<Unit> Handle(RevokeReleaseCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        var victim = await db.LoadVictimAsync(@case.VictimId, cancellationToken);
        victim.RevokeRelease(command.ReleaseId, command.Reason, time.UtcNow());
        @case.NoteReleaseRevoked(time.UtcNow());
        return Unit.Value;
    }
}
