using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Prevention;

namespace TakedownDesk.Application.Features.Prevention;

/// <summary>The victim's prevention plan as seen from one of their cases: every public profile and photo source, oldest first.</summary>
public sealed record GetPreventionPlanQuery(Guid CaseId) : IQuery<PreventionPlan>;

/// <remarks>Languages: the guidance can be printed in these (<c>GET …/prevention/guidance?language=es</c>).</remarks>
public sealed record PreventionPlan(Guid CaseId, IReadOnlyList<PhotoSourceLine> Sources, IReadOnlyList<string> Languages);

public sealed record PhotoSourceLine(Guid Id, string Platform, string Url, PhotoSourceStatus Status, DateTime RecordedAtUtc, DateTime StatusChangedAtUtc);

public sealed class GetPreventionPlanHandler(ITakedownDeskDb db, ICurrentStaff staff) : IQueryHandler<GetPreventionPlanQuery, PreventionPlan>
{
    public async ValueTask<PreventionPlan> Handle(GetPreventionPlanQuery query, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(query.CaseId, staff, cancellationToken);
        var sources = await PhotoSourcesOf(db, @case.VictimId, cancellationToken);
        return new PreventionPlan(
            @case.Id,
            sources.Select(s => new PhotoSourceLine(s.Id, s.Platform, s.Url, s.Status, s.RecordedAtUtc, s.StatusChangedAtUtc)).ToList(),
            ExposureGuidance.Languages);
    }

    public static async Task<List<PhotoSource>> PhotoSourcesOf(ITakedownDeskDb db, Guid victimId, CancellationToken cancellationToken) =>
        await db.PhotoSources.AsNoTracking().Where(s => s.VictimId == victimId).OrderBy(s => s.RecordedAtUtc).ToListAsync(cancellationToken);
}
