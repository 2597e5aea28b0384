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
/// (<see cref="LocationsPerPage"/>, in depiction order), so that a large case stays quick to load and to read.
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
    IReadOnlyList<DepictionDetail> Depictions,
    LocationPaging LocationPaging,
    IReadOnlyList<RequestSummary> Requests,
    IReadOnlyList<TimelineLine> Timeline,
    bool LocationChecksOn);

/// <summary>Which slice of the case's locations <see cref="CaseDetail.Depictions"/> holds.</summary>
public sealed record LocationPaging(int Page, int PageSize, int TotalCount)
{
    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public int FirstShown => TotalCount == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    public int LastShown => Math.Min(TotalCount, Page * PageSize);
}

public sealed record VictimSummary(Guid Id, string Pseudonym, bool HasLegalName, int ContactChannelCount, bool MayHaveBeenMinorWhenDepicted);

public sealed record ReleaseSummary(
    Guid Id, string SignedBy, SignerCapacity Capacity, DateTime SignedAtUtc, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc,
    bool InForce, bool AllPlatforms, IReadOnlyList<Guid> PlatformIds, DisclosableDetails Disclosable);

public sealed record IncidentSummary(Guid Id, IncidentKind Kind, DateTime DiscoveredAtUtc, string Description);

/// <summary>A depiction with its locations on the requested page; <see cref="LocationCount"/> counts them all.</summary>
public sealed record DepictionDetail(Guid Id, string Label, int LocationCount, IReadOnlyList<LocationDetail> Locations);

public sealed record LocationDetail(
    Guid Id, string Url, string Host, Guid? PlatformId, string? PlatformName, LocationStatus Status, DateTime AddedAtUtc,
    DateTime? LastCheckedAtUtc, int? LastCheckStatusCode, DateTime? NextCheckAtUtc);

public sealed record RequestSummary(
    Guid Id, string Reference, Guid PlatformId, string PlatformName, RequestKind Kind, RequestStatus Status,
    DateTime? SubmittedAtUtc, DateTime? DeadlineAtUtc, int LocationCount);

public sealed record TimelineLine(DateTime OccurredAtUtc, string Kind, string Summary, string ActorId);

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
            .OrderBy(t => t.Sequence)
            .Select(t => new TimelineLine(t.OccurredAtUtc, t.Kind, t.Summary, t.ActorId))
            .ToListAsync(cancellationToken);
        var now = time.UtcNow();
        string? NameOf(Guid? id) => id is { } key && platformNames.TryGetValue(key, out var name) ? name : null;
        var depictionOrder = @case.Depictions.Select((d, index) => (d.Id, index)).ToDictionary(d => d.Id, d => d.index);
        var paging = new LocationPaging(1, GetCaseDetailQuery.LocationsPerPage, @case.Locations.Count);
        paging = paging with { Page = Math.Clamp(query.LocationsPage, 1, paging.TotalPages) };
        var shown = @case.Locations
            .OrderBy(l => depictionOrder.GetValueOrDefault(l.DepictionId)).ThenBy(l => l.AddedAtUtc).ThenBy(l => l.Url, StringComparer.Ordinal)
            .Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize)
            .ToLookup(l => l.DepictionId);

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
            new VictimSummary(victim.Id, victim.Pseudonym, victim.Details.LegalName is not null, victim.ContactChannels.Count, victim.MayHaveBeenMinorWhenDepicted),
            victim.Releases.OrderByDescending(r => r.SignedAtUtc).Select(r => new ReleaseSummary(
                r.Id, r.SignedBy, r.Capacity, r.SignedAtUtc, r.ExpiresAtUtc, r.RevokedAtUtc, r.IsInForceAt(now),
                r.Scope.AllPlatforms, r.Scope.PlatformIds, r.Scope.Disclosable)).ToList(),
            @case.Incidents.OrderBy(i => i.DiscoveredAtUtc).Select(i => new IncidentSummary(i.Id, i.Kind, i.DiscoveredAtUtc, i.Description)).ToList(),
            @case.Depictions.Select(d => new DepictionDetail(
                d.Id,
                d.Label,
                @case.Locations.Count(l => l.DepictionId == d.Id),
                shown[d.Id].Select(l => new LocationDetail(
                    l.Id, l.Url, l.Host, l.PlatformId, NameOf(l.PlatformId), l.Status, l.AddedAtUtc, l.LastCheckedAtUtc, l.LastCheckStatusCode, l.NextCheckAtUtc)).ToList())).ToList(),
            paging,
            requests.Select(r => new RequestSummary(
                r.Id, r.Reference, r.PlatformId, NameOf(r.PlatformId) ?? "?", r.Kind, r.Status,
                r.Submission?.SubmittedAtUtc, r.DeadlineAtUtc, r.Items.Count)).ToList(),
            timeline,
            @case.LocationChecksOn);
    }
}
