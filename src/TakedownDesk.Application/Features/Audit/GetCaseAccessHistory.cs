using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.Application.Features.Audit;

/// <summary>Who viewed or changed a case, for supervisors; a caseworker is told the case does not exist.</summary>
public sealed record GetCaseAccessHistoryQuery(Guid CaseId) : IQuery<IReadOnlyList<AccessLine>>;

/// <summary>One audit entry of a case: <c>Id</c> is the append order, <c>Sequence</c> the chain position once sealed (null before).</summary>
public sealed record AccessLine(long Id, long? Sequence, DateTime OccurredAtUtc, string ActorId, string Action, AuditKind Kind);

public sealed class GetCaseAccessHistoryValidator : AbstractValidator<GetCaseAccessHistoryQuery>
{
    public GetCaseAccessHistoryValidator() => RuleFor(q => q.CaseId).NotEmpty();
}

public sealed class GetCaseAccessHistoryHandler(ITakedownDeskDb db, ICurrentStaff staff) : IQueryHandler<GetCaseAccessHistoryQuery, IReadOnlyList<AccessLine>>
{
    public async ValueTask<IReadOnlyList<AccessLine>> Handle(GetCaseAccessHistoryQuery query, CancellationToken cancellationToken)
    {
        if (!staff.SeesAllCases)
        {
            throw new NotFoundException("Case", query.CaseId);
        }

        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.CaseId == query.CaseId)
            .OrderBy(e => e.Id)
            .Select(e => new AccessLine(e.Id, e.Sequence, e.OccurredAtUtc, e.ActorId, e.Action, e.Kind))
            .ToListAsync(cancellationToken);
    }
}
