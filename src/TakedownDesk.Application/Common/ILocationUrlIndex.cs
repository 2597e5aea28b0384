using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Common;

/// <summary>Finds locations by URL through their keyed index, since the URLs themselves are sealed.</summary>
public interface ILocationUrlIndex
{
    IQueryable<Case> WithLocationAt(IQueryable<Case> cases, NormalizedUrl url);
}
