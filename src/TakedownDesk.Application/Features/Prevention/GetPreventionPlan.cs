using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Prevention;

namespace TakedownDesk.Application.Features.Prevention;

/// <summary>The victim's prevention plan as seen from one of their cases: every public profile and photo source, oldest first.</summary>
public sealed record GetPreventionPlanQuery(Guid CaseId) : IQuery<PreventionPlan>;

/// <remarks>Languages: the guidance can be printed in these (<c>GET …/prevention/guidance?language=es</c>).</remarks>
public sealed record PreventionPlan(Guid CaseId, IReadOnlyList<PhotoSourceLine> Sources, IReadOnlyList<HashMatchingCaseLine> HashMatchingCases, IReadOnlyList<string> Languages);

/// <summary>A hash-matching service's case number with the consent to keep it; there is no PIN to show.</summary>
public sealed record HashMatchingCaseLine(Guid Id, HashMatchingService Service, string CaseNumber, string ConsentGivenBy, DateTime ConsentGivenAtUtc, ConsentMethod ConsentMethod);

public sealed record PhotoSourceLine(Guid Id, string Platform, string Url, PhotoSourceStatus Status, DateTime RecordedAtUtc, DateTime StatusChangedAtUtc);

public sealed class GetPreventionPlanHandler(ITakedownDeskDb db, ICurrentStaff staff) : IQueryHandler<GetPreventionPlanQuery, PreventionPlan>
{
    public async ValueTask<PreventionPlan> Handle(GetPreventionPlanQuery query, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(query.CaseId, staff, cancellationToken);
        var sources = await PhotoSourcesOf(db, @case.VictimId, cancellationToken);
        var hashCases = await db.HashMatchingCases.AsNoTracking().Where(h => h.VictimId == @case.VictimId).OrderBy(h => h.RecordedAtUtc).ToListAsync(cancellationToken);
        return new PreventionPlan(
            @case.Id,
            sources.Select(s => new PhotoSourceLine(s.Id, s.Platform, s.Url, s.Status, s.RecordedAtUtc, s.StatusChangedAtUtc)).ToList(),
            hashCases.Select(h => new HashMatchingCaseLine(h.Id, h.Service, h.CaseNumber, h.ConsentGivenBy, h.ConsentGivenAtUtc, h.ConsentMethod)).ToList(),
            ExposureGuidance.Languages);
    }

    public static async Task<List<PhotoSource>> PhotoSourcesOf(ITakedownDeskDb db, Guid victimId, CancellationToken cancellationToken) =>
        await db.PhotoSources.AsNoTracking().Where(s => s.VictimId == victimId).OrderBy(s => s.RecordedAtUtc).ToListAsync(cancellationToken);
}
