using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Features.Cases;

/// <summary>Cases the staff member may see, searched by reference or pseudonym and filtered by status, assignee and platform.</summary>
public sealed record ListCasesQuery(
    string? Search,
    CaseStatus? Status,
    string? AssignedStaffId,
    Guid? PlatformId,
    int Page = 1,
    int PageSize = 50) : IQuery<Paged<CaseSummary>>;

public sealed record CaseSummary(
    Guid Id,
    string Reference,
    string Pseudonym,
    CaseStatus Status,
    string AssignedStaffId,
    DateTime OpenedAtUtc,
    int LocationCount,
    // Not known to be removed: live or not checked yet.
    int LiveLocationCount,
    bool RoutedToNcmec);

public sealed class ListCasesValidator : AbstractValidator<ListCasesQuery>
{
    public ListCasesValidator()
    {
        RuleFor(q => q.Search).MaximumLength(100);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paged<CaseSummary>.MaximumPageSize);
    }
}

public sealed class ListCasesHandler(ITakedownDeskDb db, ICurrentStaff staff) : IQueryHandler<ListCasesQuery, Paged<CaseSummary>>
{
    public async ValueTask<Paged<CaseSummary>> Handle(ListCasesQuery query, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking().VisibleTo(staff);
        if (query.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.AssignedStaffId))
        {
            cases = cases.Where(c => c.AssignedStaffId == query.AssignedStaffId);
        }

        if (query.PlatformId is { } platformId)
        {
            cases = cases.Where(c => c.Locations.Any(l => l.PlatformId == platformId));
        }

        var rows = from c in cases
                   join v in db.Victims on c.VictimId equals v.Id
                   select new { Case = c, v.Pseudonym };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            rows = CaseReference.TryParse(search, out var reference)
                ? rows.Where(r => r.Case.ReferenceYear == reference.Year && r.Case.ReferenceNumber == reference.Number)
                : rows.Where(r => r.Pseudonym.Contains(search) || r.Case.Reference.Contains(search));
        }

        var total = await rows.CountAsync(cancellationToken);
        var items = await rows
            .OrderByDescending(r => r.Case.OpenedAtUtc)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(r => new CaseSummary(
                r.Case.Id,
                r.Case.Reference,
                r.Pseudonym,
                r.Case.Status,
                r.Case.AssignedStaffId,
                r.Case.OpenedAtUtc,
                r.Case.Locations.Count,
                r.Case.Locations.Count(l => l.Status != LocationStatus.Removed),
                r.Case.RoutedToNcmec))
            .ToListAsync(cancellationToken);
        return new Paged<CaseSummary>(items, query.Page, query.PageSize, total);
    }
}
