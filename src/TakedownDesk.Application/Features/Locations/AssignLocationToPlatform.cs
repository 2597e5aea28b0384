using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Application.Features.Locations;

/// <summary>Names the platform of a location whose host matched no directory entry, so that it can be requested there.</summary>
public sealed record AssignLocationToPlatformCommand(Guid CaseId, Guid LocationId, Guid PlatformId) : ICommand;

public sealed class AssignLocationToPlatformValidator : AbstractValidator<AssignLocationToPlatformCommand>
{
    public AssignLocationToPlatformValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.LocationId).NotEmpty();
        RuleFor(c => c.PlatformId).NotEmpty().WithMessage("Choose the platform this location is on.");
    }
}

public sealed class AssignLocationToPlatformHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<AssignLocationToPlatformCommand>
{
    public async ValueTask<Unit> Handle(AssignLocationToPlatformCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        BusinessRuleViolationException.ThrowIfBroken(new LocationGoesToADirectoryPlatform(await db.Platforms.AnyAsync(p => p.Id == command.PlatformId, cancellationToken)));
        @case.AssignLocationToPlatform(command.LocationId, command.PlatformId, time.UtcNow());
        return Unit.Value;
    }
}
