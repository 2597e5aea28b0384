using System.Linq.Expressions;

namespace TakedownDesk.Domain.Requests;

/// <summary>
/// The one statement of which requests are open: sent and not yet resolved or disputed. The deadline board, the
/// digests, the escalations and the rules all use it; the query filter is built from the same set, with the statuses as
/// literals so the database can use its partial indexes on open requests.
/// </summary>
public static class OpenRequests
{
    public static readonly IReadOnlyList<RequestStatus> Statuses = [RequestStatus.Submitted, RequestStatus.Acknowledged, RequestStatus.Overdue];

    public static readonly Expression<Func<RemovalRequest, bool>> Filter = BuildFilter();

    public static bool IsOpen(RequestStatus status) => Statuses.Contains(status);

    private static Expression<Func<RemovalRequest, bool>> BuildFilter()
    {
        var request = Expression.Parameter(typeof(RemovalRequest), "r");
        var status = Expression.Property(request, nameof(RemovalRequest.Status));
        var body = Statuses
            .Select(s => (Expression)Expression.Equal(status, Expression.Constant(s)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<RemovalRequest, bool>>(body, request);
    }
}
