using FluentValidation;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Features.Incidents;

public sealed record IncidentInput(IncidentKind Kind, DateTimeOffset DiscoveredAt, string? Description);

public sealed class IncidentInputValidator : AbstractValidator<IncidentInput>
{
    public IncidentInputValidator()
    {
        RuleFor(i => i.Kind).IsInEnum();
        RuleFor(i => i.Description).MaximumLength(4000);
    }
}
