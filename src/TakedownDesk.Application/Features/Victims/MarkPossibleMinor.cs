using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Victims;

/// <summary>
/// Flags after intake that the person may have been a minor when depicted, with intake's safeguards: every case of the
/// victim is routed to NCMEC (image data removed and blocked, no automatic checks). Clearing the flag is refused.
/// </summary>
public sealed record MarkPossibleMinorCommand(Guid CaseId, bool PossibleMinor) : ICommand;

public sealed class MarkPossibleMinorValidator : AbstractValidator<MarkPossibleMinorCommand>
{
    public MarkPossibleMinorValidator() => RuleFor(c => c.CaseId).NotEmpty();
}

public sealed class MarkPossibleMinorHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<MarkPossibleMinorCommand>
{
    public async ValueTask<Unit> Handle(MarkPossibleMinorCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        var victim = await db.LoadVictimAsync(@case.VictimId, cancellationToken);
        victim.MarkPossibleMinor(command.PossibleMinor);
        if (!victim.MayHaveBeenMinorWhenDepicted)
        {
            return Unit.Value;
        }

        // The victim's other cases, whoever works them, get the same gate.
        var cases = await db.Cases.Include(c => c.Locations).Where(c => c.VictimId == victim.Id).ToListAsync(cancellationToken);
        foreach (var each in cases)
        {
            each.RouteToNcmec(time.UtcNow());
        }

        return Unit.Value;
    }
}
