using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Application.Common;

/// <summary>
/// How the sweep and the dispatcher claim work: read the ids of the earliest due rows, then one conditional, set-based
/// UPDATE stamps the caller's token (and lease) on those still due. A row another worker claimed first no longer
/// matches (PostgreSQL re-checks the WHERE after the lock wait; SQLite has one writer), so reading back by the token
/// returns exactly what this worker got.
/// </summary>
public static class LeaseClaim
{
    /// <returns>How many rows this worker claimed.</returns>
    public static async Task<int> ClaimAsync<T>(
        IQueryable<T> rows,
        Expression<Func<T, bool>> isDue,
        Expression<Func<T, DateTime>> dueAt,
        int batchSize,
        Action<UpdateSettersBuilder<T>> stamp,
        CancellationToken cancellationToken)
        where T : Entity
    {
        var candidates = await rows.Where(isDue).OrderBy(dueAt).Select(r => r.Id).Take(batchSize).ToListAsync(cancellationToken);
        return candidates.Count == 0
            ? 0
            : await rows.Where(isDue).Where(r => candidates.Contains(r.Id)).ExecuteUpdateAsync(stamp, cancellationToken);
    }
}
