using TakedownDesk.Domain.Common;

namespace TakedownDesk.Application.Common;

public static class ConcurrencyStamp
{
    /// <summary>A caller that read the aggregate earlier passes the stamp it saw; a different stamp means a lost update.</summary>
    public static void EnsureUnchanged(AggregateRoot aggregate, Guid? expected)
    {
        if (expected is { } stamp && stamp != aggregate.ConcurrencyStamp)
        {
            throw new ConcurrencyConflictException();
        }
    }
}
