using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Incidents;

public sealed record AddIncidentCommand(Guid CaseId, IncidentInput Incident) : ICommand<Guid>;

public sealed class AddIncidentValidator : AbstractValidator<AddIncidentCommand>
{
    public AddIncidentValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.Incident).NotNull().SetValidator(new IncidentInputValidator());
    }
}

public sealed class AddIncidentHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<AddIncidentCommand, Guid>
{
    public async ValueTask<Guid> Handle(AddIncidentCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        var incident = await command.Incident.AddToAsync(db, @case, time.UtcNow(), cancellationToken);
        return incident.Id;
    }
}
