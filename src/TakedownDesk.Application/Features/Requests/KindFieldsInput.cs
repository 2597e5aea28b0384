using FluentValidation;
using TakedownDesk.Domain.Requests.Kinds;

namespace TakedownDesk.Application.Features.Requests;

/// <summary>A message that carries the fields of one request kind (drafting, completing the elements).</summary>
public interface IKindFieldsInput
{
    ModelReportDetails? ModelReport { get; }

    SearchDelistingDetails? SearchDelisting { get; }

    TrainingOptOutDetails? TrainingOptOut { get; }

    FaceSearchOptOutDetails? FaceSearchOptOut { get; }
}

public static class KindFieldsInput
{
    public static KindFields ToKindFields(this IKindFieldsInput input) => new(input.ModelReport, input.SearchDelisting, input.TrainingOptOut, input.FaceSearchOptOut);
}

/// <summary>Shapes and sizes of the kind fields; which kind may have which is the domain's rule.</summary>
public sealed class KindFieldsValidator<T> : AbstractValidator<T>
    where T : IKindFieldsInput
{
    public KindFieldsValidator()
    {
        RuleFor(c => c.ModelReport!.ModelName).MaximumLength(300).When(c => c.ModelReport is not null);
        RuleFor(c => c.ModelReport!.LikenessStatement).MaximumLength(4000).When(c => c.ModelReport is not null);
        RuleFor(c => c.ModelReport!.PolicyClause).MaximumLength(1000).When(c => c.ModelReport is not null);
        RuleFor(c => c.ModelReport!.RelatedRemovalRequestReference).MaximumLength(30).Matches("^[A-Za-z0-9-]*$").When(c => c.ModelReport is not null)
            .WithMessage("A request reference holds letters, digits and hyphens only, e.g. TD-2026-00042-R3.");
        RuleFor(c => c.SearchDelisting!.SearchQueries).Cascade(CascadeMode.Stop).NotNull().Must(q => q.Count <= 50).When(c => c.SearchDelisting is not null)
            .WithMessage("Give between one and 50 searches.");
        RuleForEach(c => c.SearchDelisting!.SearchQueries).NotNull().MaximumLength(500).When(c => c.SearchDelisting?.SearchQueries is not null);
        RuleFor(c => c.TrainingOptOut!.DatasetName).MaximumLength(300).When(c => c.TrainingOptOut is not null);
        RuleFor(c => c.TrainingOptOut!.Exclusion).MaximumLength(4000).When(c => c.TrainingOptOut is not null);
        RuleFor(c => c.FaceSearchOptOut!.Removal).MaximumLength(4000).When(c => c.FaceSearchOptOut is not null);
        RuleFor(c => c.FaceSearchOptOut!.ResultReferences).MaximumLength(1000).When(c => c.FaceSearchOptOut is not null);
    }
}
