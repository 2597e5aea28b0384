using TakedownDesk.Domain.Common;

namespace TakedownDesk.Application.Facts;

/// <summary>
/// A reaction to a domain fact, run by the unit of work before it saves, so what the fact causes (planned steps,
/// cancelled ones) commits in the same transaction as the change that stated it. One reaction a file.
/// </summary>
public interface IReactTo<in TFact>
    where TFact : IDomainFact
{
    ValueTask ReactAsync(TFact fact, CancellationToken cancellationToken);
}
