using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Requests;

/// <summary>Which elements its kind requires the request still lacks (the four statutory ones for a Sec. 3 request).</summary>
public sealed record CheckRequestValidityQuery(Guid RequestId) : IQuery<ValidityCheck>;

public sealed record ValidityCheck(Guid RequestId, RequestKind Kind, RequestStatus Status, bool IsComplete, IReadOnlyList<MissingElement> Missing)
{
    public static ValidityCheck Of(RemovalRequest request)
    {
        var missing = request.MissingElements;
        return new ValidityCheck(request.Id, request.Kind, request.Status, missing.Count == 0, missing);
    }
}

public sealed class CheckRequestValidityHandler(ITakedownDeskDb db, ICurrentStaff staff) : IQueryHandler<CheckRequestValidityQuery, ValidityCheck>
{
    public async ValueTask<ValidityCheck> Handle(CheckRequestValidityQuery query, CancellationToken cancellationToken)
    {
        var (request, _) = await db.LoadRequestAsync(query.RequestId, staff, cancellationToken);
        return ValidityCheck.Of(request);
    }
}
