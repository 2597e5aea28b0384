using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Escalations;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>For supervisors: the steps that gave up after every attempt, earliest due first, so someone can fix the cause and retry.</summary>
public sealed record ListFailedEscalationStepsQuery(int Take = 200) : IQuery<IReadOnlyList<FailedEscalationStep>>;

/// <summary>One poisoned step, by references. The last error is the exception's type and message only, as the sweep recorded it: rule messages name rules, not people.</summary>
public sealed record FailedEscalationStep(
    Guid StepId,
    Guid CaseId,
    string CaseReference,
    Guid RequestId,
    string RequestReference,
    EscalationKind Kind,
    DateTime DueAtUtc,
    int Attempts,
    string? LastError);

public sealed class ListFailedEscalationStepsHandler(ITakedownDeskDb db) : IQueryHandler<ListFailedEscalationStepsQuery, IReadOnlyList<FailedEscalationStep>>
{
    public async ValueTask<IReadOnlyList<FailedEscalationStep>> Handle(ListFailedEscalationStepsQuery query, CancellationToken cancellationToken) =>
        await (
                from s in db.EscalationSteps.AsNoTracking()
                where s.State == EscalationState.Failed
                join r in db.RemovalRequests on s.RequestId equals r.Id
                join c in db.Cases on s.CaseId equals c.Id
                orderby s.DueAtUtc
                select new FailedEscalationStep(s.Id, c.Id, c.Reference, r.Id, r.Reference, s.Kind, s.DueAtUtc, s.Attempts, s.LastError))
            .Take(query.Take)
            .ToListAsync(cancellationToken);
}
