using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Infrastructure.Protection;

public sealed class LocationUrlIndex(FieldProtection protection) : ILocationUrlIndex
{
    public IQueryable<Case> WithLocationAt(IQueryable<Case> cases, NormalizedUrl url)
    {
        var index = protection.UrlIndexOf(url.Key);
        return cases.Where(c => c.Locations.Any(l => EF.Property<string>(l, FieldProtection.UrlIndexKey) == index));
    }
}
