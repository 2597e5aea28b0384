using FluentValidation;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Locations;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Features.Incidents;

public sealed record IncidentInput(IncidentKind Kind, DateTimeOffset DiscoveredAt, string? Description, ModelInput? Model = null)
{
    /// <summary>Adds the incident to the case; a model's page is matched to its hub in the directory first.</summary>
    public async Task<Incident> AddToAsync(ITakedownDeskDb db, Case @case, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var modelPage = Model is null ? null : await LocationIntake.CandidateAsync(db, Model.ModelPageUrl!, cancellationToken);
        return @case.AddIncident(Kind, DiscoveredAt.UtcDateTime, Description ?? string.Empty, nowUtc, Model?.ToModel(), modelPage);
    }
}

/// <summary>A person-specific model: its page on the hub (the hub is matched from the directory), name, trigger words, and why it is this person.</summary>
public sealed record ModelInput(string? ModelPageUrl, string? ModelName, IReadOnlyList<string>? TriggerWords, string? LikenessReason)
{
    public ModelOnHub ToModel() => new(ModelName ?? string.Empty, TriggerWords ?? [], LikenessReason ?? string.Empty);
}

public sealed class IncidentInputValidator : AbstractValidator<IncidentInput>
{
    public IncidentInputValidator()
    {
        RuleFor(i => i.Kind).IsInEnum();
        RuleFor(i => i.Description).MaximumLength(4000);
        RuleFor(i => i.Model!).SetValidator(new ModelInputValidator()).When(i => i.Model is not null);
    }
}

public sealed class ModelInputValidator : AbstractValidator<ModelInput>
{
    public ModelInputValidator()
    {
        RuleFor(m => m.ModelPageUrl).Must(LocationIntake.IsRecordableUrl).WithMessage("Give the model page's full web address (https://…).");
        RuleFor(m => m.ModelName).NotEmpty().MaximumLength(300);
        RuleFor(m => m.TriggerWords).Must(w => w is null || w.Count <= 50).WithMessage("Give at most 50 trigger words.");
        RuleForEach(m => m.TriggerWords).NotNull().MaximumLength(100);
        RuleFor(m => m.LikenessReason).NotEmpty().MaximumLength(4000);
    }
}
