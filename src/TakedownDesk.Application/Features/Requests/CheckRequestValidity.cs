using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Requests;

/// <summary>Which of the four statutory elements the request still lacks.</summary>
public sealed record CheckRequestValidityQuery(Guid RequestId) : IQuery<ValidityCheck>;

public sealed record ValidityCheck(Guid RequestId, RequestStatus Status, bool IsComplete, IReadOnlyList<MissingElement> Missing)
{
    public static ValidityCheck Of(RemovalRequest request)
    {
        var missing = request.MissingElements;
        return new ValidityCheck(request.Id, request.Status, missing.Count == 0, missing);
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
