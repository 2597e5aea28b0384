using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Features.Search;

/// <summary>
/// The header's search, over the cases the staff member may see: case and request references, pseudonyms and platform
/// request numbers by part (any case), and a location by its whole URL through the keyed index (URLs are sealed).
/// </summary>
public sealed record SearchWorkQuery(string Text) : IQuery<IReadOnlyList<SearchHit>>;

public enum SearchMatch
{
    [Display(Name = "Case reference")]
    CaseReference,
    [Display(Name = "Pseudonym")]
    Pseudonym,
    [Display(Name = "Request reference")]
    RequestReference,
    [Display(Name = "Platform's request number")]
    PlatformRequestNumber,
    [Display(Name = "A location's URL")]
    LocationUrl,
}

public sealed record SearchHit(Guid CaseId, string CaseReference, string Pseudonym, Guid? RequestId, string? RequestReference, SearchMatch MatchedOn);

public sealed class SearchWorkValidator : AbstractValidator<SearchWorkQuery>
{
    public SearchWorkValidator() =>
        RuleFor(q => q.Text).Must(text => text is not null && text.Trim().Length >= 2).WithMessage("Type at least 2 characters to search.")
            .MaximumLength(2048).WithMessage("Search for at most 2,048 characters (a whole URL fits).");
}

// ToLower() inside the queries is translated to SQL lower() on every provider; the culture-aware overloads the analyzers ask for are not translatable.
#pragma warning disable CA1304, CA1311, CA1862
public sealed class SearchWorkHandler(ITakedownDeskDb db, ICurrentStaff staff, ILocationUrlIndex urls) : IQueryHandler<SearchWorkQuery, IReadOnlyList<SearchHit>>
{
    public const int MaximumPerKind = 50;

    public async ValueTask<IReadOnlyList<SearchHit>> Handle(SearchWorkQuery query, CancellationToken cancellationToken)
    {
        var text = query.Text.Trim();
        var part = text.ToLowerInvariant();
        var visible = db.Cases.AsNoTracking().VisibleTo(staff);
        var cases = from c in visible
                    join v in db.Victims.AsNoTracking() on c.VictimId equals v.Id
                    select new { c.Id, c.Reference, v.Pseudonym };
        var hits = new List<SearchHit>();

        hits.AddRange((await cases.Where(c => c.Reference.ToLower().Contains(part)).OrderBy(c => c.Reference).Take(MaximumPerKind).ToListAsync(cancellationToken))
            .Select(c => new SearchHit(c.Id, c.Reference, c.Pseudonym, null, null, SearchMatch.CaseReference)));
        hits.AddRange((await cases.Where(c => c.Pseudonym.ToLower().Contains(part)).OrderBy(c => c.Reference).Take(MaximumPerKind).ToListAsync(cancellationToken))
            .Select(c => new SearchHit(c.Id, c.Reference, c.Pseudonym, null, null, SearchMatch.Pseudonym)));

        var requests = await (from r in db.RemovalRequests.AsNoTracking()
                              join c in cases on r.CaseId equals c.Id
                              where r.Reference.ToLower().Contains(part) || (r.PlatformRequestNumber != null && r.PlatformRequestNumber.ToLower().Contains(part))
                              orderby r.Reference
                              select new { r.Id, r.Reference, r.PlatformRequestNumber, CaseId = c.Id, CaseReference = c.Reference, c.Pseudonym })
            .Take(MaximumPerKind).ToListAsync(cancellationToken);
        hits.AddRange(requests.Select(r => new SearchHit(
            r.CaseId, r.CaseReference, r.Pseudonym, r.Id, r.Reference,
            r.Reference.Contains(part, StringComparison.OrdinalIgnoreCase) ? SearchMatch.RequestReference : SearchMatch.PlatformRequestNumber)));

        if (NormalizedUrl.TryCreate(text, out var url, out _))
        {
            var located = urls.WithLocationAt(visible, url!).Select(c => c.Id);
            hits.AddRange((await cases.Where(c => located.Contains(c.Id)).OrderBy(c => c.Reference).Take(MaximumPerKind).ToListAsync(cancellationToken))
                .Select(c => new SearchHit(c.Id, c.Reference, c.Pseudonym, null, null, SearchMatch.LocationUrl)));
        }

        return hits;
    }
}
#pragma warning restore CA1304, CA1311, CA1862
