using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Alerts;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Domain.Prevention;

namespace TakedownDesk.Application.Features.Prevention;

/// <summary>Prints the guidance on reducing public photo exposure, with the victim's checklist, in their language; printed on demand, never stored.</summary>
public sealed record GetExposureGuidanceQuery(Guid CaseId, string Language) : IQuery<ExposureGuidancePdf>;

public sealed record ExposureGuidancePdf(string Language, byte[] Pdf);

public sealed class GetExposureGuidanceValidator : AbstractValidator<GetExposureGuidanceQuery>
{
    public GetExposureGuidanceValidator()
    {
        RuleFor(q => q.CaseId).NotEmpty();
        RuleFor(q => q.Language).Must(l => ExposureGuidance.Languages.Contains(l)).WithMessage($"The guidance is written in {string.Join(" and ", ExposureGuidance.Languages)}.");
    }
}

public sealed class GetExposureGuidanceHandler(ITakedownDeskDb db, ICurrentStaff staff, IDocumentRenderer renderer, IOptions<AlertOptions> organisation, TimeProvider time)
    : IQueryHandler<GetExposureGuidanceQuery, ExposureGuidancePdf>
{
    public async ValueTask<ExposureGuidancePdf> Handle(GetExposureGuidanceQuery query, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(query.CaseId, staff, cancellationToken);
        var sources = await GetPreventionPlanHandler.PhotoSourcesOf(db, @case.VictimId, cancellationToken);
        var model = new ExposureGuidanceModel(
            organisation.Value.OrganisationName,
            sources.Select(s => new PhotoSourceModel(s.Platform, s.Url, ExposureGuidance.StatusCode(s.Status))).ToList(),
            LetterParts.Format(time.UtcNow(), "yyyy-MM-dd"),
            query.Language);
        var pdf = await renderer.RenderPdfAsync(new DocumentRequest(DocumentTemplates.ExposureGuidance, model, Language: query.Language), cancellationToken);
        return new ExposureGuidancePdf(query.Language, pdf);
    }
}

/// <summary>The languages the guidance is written in, and the status codes its templates word.</summary>
public static class ExposureGuidance
{
    public static IReadOnlyList<string> Languages { get; } = ["en", "es"];

    public static string StatusCode(PhotoSourceStatus status) => status switch
    {
        PhotoSourceStatus.MadePrivate => "made-private",
        PhotoSourceStatus.Removed => "removed",
        PhotoSourceStatus.Kept => "kept",
        _ => "to-review",
    };
}
