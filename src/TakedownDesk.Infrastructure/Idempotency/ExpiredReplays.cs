using Microsoft.EntityFrameworkCore;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.Infrastructure.Protection;

namespace TakedownDesk.Infrastructure.Idempotency;

/// <summary>
/// Kept responses are sealed but hold content URLs that an erasure cannot reach, so they live only for the replay
/// window: a scheduled sweep removes them whether or not anyone posts again, and a key found past its window counts as new.
/// </summary>
public static class ExpiredReplays
{
    public static bool IsExpired(IdempotencyRecord record, DateTime nowUtc) => record.CreatedAtUtc < CreatedBefore(nowUtc);

    public static Task<int> PurgeAsync(TakedownDeskDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var cutoff = CreatedBefore(nowUtc);
        return db.IdempotencyRecords.Where(r => r.CreatedAtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private static DateTime CreatedBefore(DateTime nowUtc) => nowUtc - ReplaySeal.Window;
}
