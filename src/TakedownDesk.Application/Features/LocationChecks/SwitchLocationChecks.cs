using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.LocationChecks;

/// <summary>Switches the automatic checks of a case's locations on or off (some victims want no contact with the sites at all).</summary>
public sealed record SwitchLocationChecksCommand(Guid CaseId, bool On) : ICommand;

public sealed class SwitchLocationChecksValidator : AbstractValidator<SwitchLocationChecksCommand>
{
    public SwitchLocationChecksValidator() => RuleFor(c => c.CaseId).NotEmpty();
}

public sealed class SwitchLocationChecksHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<SwitchLocationChecksCommand>
{
    public async ValueTask<Unit> Handle(SwitchLocationChecksCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        @case.SwitchLocationChecks(command.On, time.UtcNow());
        return Unit.Value;
    }
}
