using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Rules;

namespace TakedownDesk.Application.Features.Locations;

/// <summary>
/// The locations on one platform that still need a request: not recorded as removed and not listed by a request to it that
/// is still in the works (drafted, sent, acknowledged or overdue).
/// "Draft for all on this platform" takes them, at most one request's worth (<see cref="RequestsListAFewHundredLocationsAtMost.Maximum"/>).
/// </summary>
public sealed record ListLocationsToRequestQuery(Guid CaseId, Guid PlatformId) : IQuery<LocationsToRequest>;

/// <summary><see cref="Remaining"/> counts those that did not fit in <see cref="LocationIds"/>.</summary>
public sealed record LocationsToRequest(IReadOnlyList<Guid> LocationIds, int Remaining);

public sealed class ListLocationsToRequestValidator : AbstractValidator<ListLocationsToRequestQuery>
{
    public ListLocationsToRequestValidator()
    {
        RuleFor(q => q.CaseId).NotEmpty();
        RuleFor(q => q.PlatformId).NotEmpty();
    }
}

public sealed class ListLocationsToRequestHandler(ITakedownDeskDb db, ICurrentStaff staff) : IQueryHandler<ListLocationsToRequestQuery, LocationsToRequest>
{
    public async ValueTask<LocationsToRequest> Handle(ListLocationsToRequestQuery query, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(query.CaseId, staff, cancellationToken);
        var requested = await db.RemovalRequests.AsNoTracking()
            .Where(r => r.CaseId == @case.Id && r.PlatformId == query.PlatformId
                && r.Status != RequestStatus.Resolved && r.Status != RequestStatus.ValidityDisputed)
            .SelectMany(r => r.Items.Select(item => item.LocationId))
            .ToHashSetAsync(cancellationToken);
        var toRequest = @case.Locations
            .Where(l => l.PlatformId == query.PlatformId && l.Status != LocationStatus.Removed && !requested.Contains(l.Id))
            .OrderBy(l => l.AddedAtUtc)
            .Select(l => l.Id)
            .ToList();
        var maximum = RequestsListAFewHundredLocationsAtMost.Maximum;
        return new LocationsToRequest(toRequest.Take(maximum).ToList(), Math.Max(0, toRequest.Count - maximum));
    }
}
