using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Application.Features.Cases;

/// <summary>
/// Everything on a case except the victim's confidential details, which are fetched only when asked for. Audited
/// all the same: it shows the content URLs and the names that signed the releases. Locations come a page at a time
/// (<see cref="LocationsPerPage"/>, grouped by platform, then depiction), so that a large case stays quick to load and to read.
/// </summary>
public sealed record GetCaseDetailQuery(Guid CaseId, int LocationsPage = 1) : IQuery<CaseDetail>, IAuditedQuery
{
    public const int LocationsPerPage = Paged<LocationDetail>.MaximumPageSize;
}

public sealed record CaseDetail(
    Guid Id,
    string Reference,
    CaseStatus Status,
    string AssignedStaffId,
    DateTime OpenedAtUtc,
    DateTime? ClosedAtUtc,
    bool RoutedToNcmec,
    string? MinorGuidance,
    Guid ConcurrencyStamp,
    VictimSummary Victim,
    IReadOnlyList<ReleaseSummary> Releases,
    IReadOnlyList<IncidentSummary> Incidents,
    IReadOnlyList<DepictionSummary> Depictions,
    IReadOnlyList<PlatformLocations> LocationsByPlatform,
    LocationPaging LocationPaging,
    LocationCounts LocationCounts,
    IReadOnlyList<RequestSummary> Requests,
    NextDeadline? NextDeadline,
    IReadOnlyList<TimelineLine> Timeline,
    bool LocationChecksOn,
    IReadOnlyList<NoteLine> Notes,
    IReadOnlyList<TaskLine> Tasks,
    IReadOnlyList<CoworkerLine> Coworkers);

/// <summary>Which slice of the case's locations <see cref="CaseDetail.Depictions"/> holds.</summary>
public sealed record LocationPaging(int Page, int PageSize, int TotalCount)
{
    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public int FirstShown => TotalCount == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    public int LastShown => Math.Min(TotalCount, Page * PageSize);
}

/// <summary><see cref="ConcurrencyStamp"/> is the victim's, which an edit of the person's details sends back.</summary>
public sealed record VictimSummary(Guid Id, string Pseudonym, bool HasLegalName, int ContactChannelCount, bool MayHaveBeenMinorWhenDepicted, Guid ConcurrencyStamp);

public sealed record ReleaseSummary(
    Guid Id, string SignedBy, SignerCapacity Capacity, DateTime SignedAtUtc, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc,
    bool InForce, bool AllPlatforms, IReadOnlyList<Guid> PlatformIds, DisclosableDetails Disclosable);

public sealed record IncidentSummary(Guid Id, IncidentKind Kind, DateTime DiscoveredAtUtc, string Description, IncidentModel? Model);

/// <summary>A person-specific model and its pages: the hub's page first, then the mirrors, each with the latest request that covers it.</summary>
public sealed record IncidentModel(string ModelName, IReadOnlyList<string> TriggerWords, string LikenessReason, IReadOnlyList<ModelPage> Pages);

public sealed record ModelPage(Guid LocationId, string Url, Guid? PlatformId, string? PlatformName, bool IsMirror, CoveringRequest? CoveredBy);

public sealed record DepictionSummary(Guid Id, string Label, int LocationCount);

/// <summary>
/// The locations on one platform (null: no platform matched) that fall on the requested page; <see cref="LocationCount"/>
/// counts all of them, so that "draft for all on this platform" can say how many it will take.
/// </summary>
public sealed record PlatformLocations(Guid? PlatformId, string? PlatformName, int LocationCount, IReadOnlyList<LocationDetail> Locations);

/// <summary>A location with the latest request that covers it (null: none yet) and its status history, newest first.</summary>
public sealed record LocationDetail(
    Guid Id, string Url, string Host, Guid? PlatformId, string? PlatformName, Guid DepictionId, string DepictionLabel,
    LocationStatus Status, DateTime AddedAtUtc, CoveringRequest? CoveredBy, IReadOnlyList<LocationStatusChange> History,
    DateTime? LastCheckedAtUtc, int? LastCheckStatusCode, DateTime? NextCheckAtUtc);

public sealed record CoveringRequest(Guid Id, string Reference, RequestStatus Status);

public sealed record LocationCounts(int Total, int NotChecked, int StillOnline, int Removed);

/// <summary>The earliest statutory deadline among the case's open requests (an overdue one is earlier than any to come).</summary>
public sealed record NextDeadline(Guid RequestId, string RequestReference, DateTime DeadlineAtUtc);

public sealed record RequestSummary(
    Guid Id, string Reference, Guid PlatformId, string PlatformName, RequestKind Kind, RequestStatus Status,
    DateTime? SubmittedAtUtc, DateTime? DeadlineAtUtc, int LocationCount);

public sealed record TimelineLine(DateTime OccurredAtUtc, string Kind, string Summary, string ActorId);

/// <summary>Who works or worked the case beside its caseworker, newest first; <see cref="Active"/> is false once <see cref="EndsAtUtc"/> has passed.</summary>
public sealed record CoworkerLine(string StaffId, CoworkerReason Reason, string AddedBy, DateTime AddedAtUtc, DateTime? EndsAtUtc, bool Active);

/// <summary>A note on the case, newest first.</summary>
public sealed record NoteLine(Guid Id, string AuthorId, DateTime WrittenAtUtc, string Text);

/// <summary>A task on the case: open ones by due date first, then the done ones.</summary>
public sealed record TaskLine(Guid Id, string Title, DateTime DueAtUtc, string AssigneeId, DateTime? DoneAtUtc, bool Overdue);

public sealed class GetCaseDetailHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : IQueryHandler<GetCaseDetailQuery, CaseDetail>
{
    public async ValueTask<CaseDetail> Handle(GetCaseDetailQuery query, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(query.CaseId, staff, cancellationToken);
        var victim = await db.LoadVictimAsync(@case.VictimId, cancellationToken);
        var platformNames = await db.Platforms.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var requests = await db.RemovalRequests.AsNoTracking().Include(r => r.Items)
            .Where(r => r.CaseId == @case.Id).OrderBy(r => r.CreatedAtUtc).ToListAsync(cancellationToken);
        var timeline = await db.Timeline.AsNoTracking().Where(t => t.CaseId == @case.Id)
            .OrderByDescending(t => t.Sequence)
            .Select(t => new TimelineLine(t.OccurredAtUtc, t.Kind, t.Summary, t.ActorId))
            .ToListAsync(cancellationToken);
        var notes = await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == @case.Id).OrderByDescending(n => n.WrittenAtUtc).ToListAsync(cancellationToken);
        var tasks = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == @case.Id).OrderBy(t => t.DoneAtUtc != null).ThenBy(t => t.DueAtUtc).ToListAsync(cancellationToken);
        var now = time.UtcNow();
        string? NameOf(Guid? id) => id is { } key && platformNames.TryGetValue(key, out var name) ? name : null;
        var depictionOrder = @case.Depictions.Select((d, index) => (d.Id, index)).ToDictionary(d => d.Id, d => d.index);
        var depictionLabels = @case.Depictions.ToDictionary(d => d.Id, d => d.Label);
        var coveredBy = requests
            .SelectMany(r => r.Items.Select(item => (item.LocationId, Request: new CoveringRequest(r.Id, r.Reference, r.Status))))
            .GroupBy(pair => pair.LocationId)
            .ToDictionary(group => group.Key, group => group.Last().Request);
        var paging = new LocationPaging(1, GetCaseDetailQuery.LocationsPerPage, @case.Locations.Count);
        paging = paging with { Page = Math.Clamp(query.LocationsPage, 1, paging.TotalPages) };
        var ordered = @case.Locations
            .OrderBy(l => l.PlatformId is null)
            .ThenBy(l => NameOf(l.PlatformId), StringComparer.CurrentCulture)
            .ThenBy(l => l.PlatformId)
            .ThenBy(l => depictionOrder.GetValueOrDefault(l.DepictionId)).ThenBy(l => l.AddedAtUtc).ThenBy(l => l.Url, StringComparer.Ordinal)
            .ToList();
        var countsByPlatform = ordered.GroupBy(l => l.PlatformId).ToDictionary(g => g.Key ?? Guid.Empty, g => g.Count());
        var shown = ordered.Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize)
            .GroupBy(l => l.PlatformId)
            .Select(group => new PlatformLocations(
                group.Key,
                NameOf(group.Key),
                countsByPlatform[group.Key ?? Guid.Empty],
                group.Select(l => new LocationDetail(
                    l.Id, l.Url, new Uri(l.Url).Host, l.PlatformId, NameOf(l.PlatformId), l.DepictionId, depictionLabels.GetValueOrDefault(l.DepictionId, "?"),
                    l.Status, l.AddedAtUtc, coveredBy.GetValueOrDefault(l.Id), l.History.AsEnumerable().Reverse().ToList(),
                    l.LastCheckedAtUtc, l.LastCheckStatusCode, l.NextCheckAtUtc)).ToList()))
            .ToList();
        IncidentModel? ModelOf(Incident incident) => incident.Model is not { } model ? null : new IncidentModel(
            model.ModelName,
            model.TriggerWords,
            model.LikenessReason,
            @case.Locations.Where(l => l.DepictionId == incident.ModelDepictionId)
                .OrderBy(l => l.Id != incident.ModelPageLocationId).ThenBy(l => l.AddedAtUtc).ThenBy(l => l.Url, StringComparer.Ordinal)
                .Select(l => new ModelPage(l.Id, l.Url, l.PlatformId, NameOf(l.PlatformId), l.Id != incident.ModelPageLocationId, coveredBy.GetValueOrDefault(l.Id))).ToList());

        var nextDeadline = requests
            .Where(r => r.IsOpen && r.DeadlineAtUtc is not null)
            .OrderBy(r => r.DeadlineAtUtc)
            .Select(r => new NextDeadline(r.Id, r.Reference, r.DeadlineAtUtc!.Value))
            .FirstOrDefault();

        return new CaseDetail(
            @case.Id,
            @case.Reference,
            @case.Status,
            @case.AssignedStaffId,
            @case.OpenedAtUtc,
            @case.ClosedAtUtc,
            @case.RoutedToNcmec,
            @case.RoutedToNcmec ? MinorSafeguard.Guidance : null,
            @case.ConcurrencyStamp,
            new VictimSummary(victim.Id, victim.Pseudonym, victim.Details.LegalName is not null, victim.ContactChannels.Count, victim.MayHaveBeenMinorWhenDepicted, victim.ConcurrencyStamp),
            victim.Releases.OrderByDescending(r => r.SignedAtUtc).Select(r => new ReleaseSummary(
                r.Id, r.SignedBy, r.Capacity, r.SignedAtUtc, r.ExpiresAtUtc, r.RevokedAtUtc, r.IsInForceAt(now),
                r.Scope.AllPlatforms, r.Scope.PlatformIds, r.Scope.Disclosable)).ToList(),
            @case.Incidents.OrderBy(i => i.DiscoveredAtUtc).Select(i => new IncidentSummary(i.Id, i.Kind, i.DiscoveredAtUtc, i.Description, ModelOf(i))).ToList(),
            @case.Depictions.Select(d => new DepictionSummary(d.Id, d.Label, @case.Locations.Count(l => l.DepictionId == d.Id))).ToList(),
            shown,
            paging,
            new LocationCounts(
                @case.Locations.Count,
                @case.Locations.Count(l => l.Status == LocationStatus.Unknown),
                @case.Locations.Count(l => l.Status == LocationStatus.Live),
                @case.Locations.Count(l => l.Status == LocationStatus.Removed)),
            requests.Select(r => new RequestSummary(
                r.Id, r.Reference, r.PlatformId, NameOf(r.PlatformId) ?? "?", r.Kind, r.Status,
                r.Submission?.SubmittedAtUtc, r.DeadlineAtUtc, r.Items.Count)).ToList(),
            nextDeadline,
            timeline,
            @case.LocationChecksOn,
            notes.Select(n => new NoteLine(n.Id, n.AuthorId, n.WrittenAtUtc, n.Text)).ToList(),
            tasks.Select(t => new TaskLine(t.Id, t.Title, t.DueAtUtc, t.AssigneeId, t.DoneAtUtc, !t.IsDone && t.DueAtUtc < now)).ToList(),
            @case.Coworkers.OrderByDescending(w => w.AddedAtUtc)
                .Select(w => new CoworkerLine(w.StaffId, w.Reason, w.AddedBy, w.AddedAtUtc, w.EndsAtUtc, w.IsActiveAt(now))).ToList());
    }
}
