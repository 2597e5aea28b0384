using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Behaviours;

/// <summary>
/// Runs a query without change tracking: a query changes nothing, so snapshotting what it reads only costs the
/// request (and made every later SaveChanges of the scope, such as the audited view's entry, compare the whole graph).
/// Identity resolution stays, so a graph read with includes still has one object per row. A query sent inside a
/// command's transaction, or in a scope that already chose its tracking, is left as it is.
/// </summary>
public sealed class ReadOnlyQueryBehaviour<TMessage, TResponse>(ITakedownDeskDb db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseQuery
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var tracker = db.ChangeTracker;
        if (db.Database.CurrentTransaction is not null || tracker.QueryTrackingBehavior != QueryTrackingBehavior.TrackAll)
        {
            return await next(message, cancellationToken);
        }

        tracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTrackingWithIdentityResolution;
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            tracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        }
    }
}
