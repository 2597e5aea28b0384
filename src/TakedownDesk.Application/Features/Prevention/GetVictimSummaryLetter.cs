using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Alerts;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Prevention;

/// <summary>Prints the letter for the victim listing every request sent for their case and what to expect next; printed on demand, never stored.</summary>
public sealed record GetVictimSummaryLetterQuery(Guid CaseId, string Language) : IQuery<VictimSummaryPdf>;

public sealed record VictimSummaryPdf(string Language, byte[] Pdf);

public sealed class GetVictimSummaryLetterValidator : AbstractValidator<GetVictimSummaryLetterQuery>
{
    public GetVictimSummaryLetterValidator()
    {
        RuleFor(q => q.CaseId).NotEmpty();
        RuleFor(q => q.Language).Must(l => ExposureGuidance.Languages.Contains(l)).WithMessage($"The letter is written in {string.Join(" and ", ExposureGuidance.Languages)}.");
    }
}

public sealed class GetVictimSummaryLetterHandler(
    ITakedownDeskDb db, ICurrentStaff staff, IStaffDirectory directory, IEscalationPolicySource policy, IDocumentRenderer renderer, IOptions<AlertOptions> organisation, TimeProvider time)
    : IQueryHandler<GetVictimSummaryLetterQuery, VictimSummaryPdf>
{
    public async ValueTask<VictimSummaryPdf> Handle(GetVictimSummaryLetterQuery query, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(query.CaseId, staff, cancellationToken);
        var requests = await db.RemovalRequests.AsNoTracking().Include(r => r.Items)
            .Where(r => r.CaseId == @case.Id && r.Status != RequestStatus.Draft && r.Status != RequestStatus.Ready)
            .ToListAsync(cancellationToken);
        var platformNames = await db.Platforms.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var me = await directory.GetAsync(staff.Id, cancellationToken);
        var zone = me?.TimeZone ?? TimeZoneInfo.Utc;
        string Local(DateTime utc, string format) => TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString(format, CultureInfo.InvariantCulture);
        var rows = requests
            .Where(r => r.Submission is not null)
            .OrderBy(r => r.Submission!.SubmittedAtUtc)
            .Select(r => new SentRequestModel(
                platformNames.GetValueOrDefault(r.PlatformId, "a platform"),
                KindCode(r.Kind),
                Local(r.Submission!.SubmittedAtUtc, "yyyy-MM-dd"),
                r.Items.Count,
                r.Items.Count(i => i.Outcome == LocationOutcome.Removed),
                r.DeadlineAtUtc is { } deadline ? Local(deadline, "yyyy-MM-dd HH:mm") : string.Empty,
                policy.Current.FollowUpOn(r.Submission.SubmittedAtUtc, r.DeadlineAtUtc) is { } followUp ? Local(followUp, "yyyy-MM-dd") : string.Empty,
                !r.IsOpen))
            .ToList();
        var model = new VictimSummaryModel(organisation.Value.OrganisationName, rows, me?.TimeZoneId ?? "UTC", Local(time.UtcNow(), "yyyy-MM-dd"), query.Language);
        var pdf = await renderer.RenderPdfAsync(new DocumentRequest(DocumentTemplates.VictimSummary, model, Language: query.Language), cancellationToken);
        return new VictimSummaryPdf(query.Language, pdf);
    }

    private static string KindCode(RequestKind kind) => kind switch
    {
        RequestKind.ModelLikenessReport => "model-report",
        RequestKind.SearchDelisting => "search-delisting",
        RequestKind.TrainingOptOut => "training-opt-out",
        RequestKind.FaceSearchOptOut => "face-search-opt-out",
        _ => "removal",
    };
}
