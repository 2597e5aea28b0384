using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Deadlines;

/// <summary>Open statutory requests whose deadline has passed, then those due within the next <see cref="WithinHours"/> hours.</summary>
public sealed record GetDeadlineBoardQuery(int WithinHours = 24) : IQuery<DeadlineBoard>;

public sealed record DeadlineBoard(DateTime NowUtc, IReadOnlyList<DeadlineRow> Overdue, IReadOnlyList<DeadlineRow> DueSoon);

public sealed record DeadlineRow(
    Guid RequestId,
    string RequestReference,
    Guid CaseId,
    string CaseReference,
    string PlatformName,
    RequestStatus Status,
    DateTime DeadlineAtUtc,
    TimeSpan Remaining,
    string AssignedStaffId);

public sealed class GetDeadlineBoardValidator : AbstractValidator<GetDeadlineBoardQuery>
{
    public GetDeadlineBoardValidator()
    {
        RuleFor(q => q.WithinHours).InclusiveBetween(1, 24 * 14);
    }
}

public sealed class GetDeadlineBoardHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : IQueryHandler<GetDeadlineBoardQuery, DeadlineBoard>
{
    public async ValueTask<DeadlineBoard> Handle(GetDeadlineBoardQuery query, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var horizon = now.AddHours(query.WithinHours);
        var rows = await (
                from r in db.RemovalRequests.AsNoTracking()
                where r.DeadlineAtUtc != null && r.DeadlineAtUtc < horizon
                      && (r.Status == RequestStatus.Submitted || r.Status == RequestStatus.Acknowledged || r.Status == RequestStatus.Overdue)
                join c in db.Cases.AsNoTracking().VisibleTo(staff) on r.CaseId equals c.Id
                join p in db.Platforms.AsNoTracking() on r.PlatformId equals p.Id
                orderby r.DeadlineAtUtc
                select new { r.Id, r.Reference, CaseId = c.Id, CaseReference = c.Reference, p.Name, r.Status, Deadline = r.DeadlineAtUtc!.Value, c.AssignedStaffId })
            .Take(1000)
            .ToListAsync(cancellationToken);
        var board = rows.Select(r => new DeadlineRow(
            r.Id, r.Reference, r.CaseId, r.CaseReference, r.Name, r.Status, r.Deadline, r.Deadline - now, r.AssignedStaffId)).ToList();
        return new DeadlineBoard(now, board.Where(r => r.DeadlineAtUtc < now).ToList(), board.Where(r => r.DeadlineAtUtc >= now).ToList());
    }
}
