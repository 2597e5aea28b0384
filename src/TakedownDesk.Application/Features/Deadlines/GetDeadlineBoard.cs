using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Deadlines;

/// <summary>
/// Open statutory requests whose deadline has passed, then those due within the next <see cref="WithinHours"/> hours; the open
/// requests without a deadline whose follow-up date falls before the same horizon; and the open case tasks due before it.
/// </summary>
public sealed record GetDeadlineBoardQuery(int WithinHours = 24) : IQuery<DeadlineBoard>;

public sealed record DeadlineBoard(
    DateTime NowUtc, IReadOnlyList<DeadlineRow> Overdue, IReadOnlyList<DeadlineRow> DueSoon, IReadOnlyList<FollowUpRow> FollowUps, IReadOnlyList<TaskRow> Tasks);

/// <remarks>Pseudonym: the victim's pseudonym, never the legal name. LocationCount: the locations the request names.</remarks>
public sealed record DeadlineRow(
    Guid RequestId,
    string RequestReference,
    Guid CaseId,
    string CaseReference,
    string Pseudonym,
    string PlatformName,
    RequestStatus Status,
    DateTime DeadlineAtUtc,
    TimeSpan Remaining,
    int LocationCount,
    NextAction NextAction,
    string AssignedStaffId);

/// <remarks>FollowUpOnUtc: The first follow-up reminder of a request that has no statutory deadline.</remarks>
public sealed record FollowUpRow(
    Guid RequestId,
    string RequestReference,
    Guid CaseId,
    string CaseReference,
    string PlatformName,
    RequestKind Kind,
    RequestStatus Status,
    DateTime FollowUpOnUtc,
    string AssignedStaffId);

/// <summary>An open task on a case due before the board's horizon; <see cref="Overdue"/> when its due time has passed.</summary>
public sealed record TaskRow(Guid TaskId, string Title, Guid CaseId, string CaseReference, string Pseudonym, DateTime DueAtUtc, bool Overdue, string AssigneeId);

public sealed class GetDeadlineBoardValidator : AbstractValidator<GetDeadlineBoardQuery>
{
    public GetDeadlineBoardValidator()
    {
        RuleFor(q => q.WithinHours).InclusiveBetween(1, 24 * 14);
    }
}

public sealed class GetDeadlineBoardHandler(ITakedownDeskDb db, ICurrentStaff staff, IEscalationPolicySource policy, TimeProvider time)
    : IQueryHandler<GetDeadlineBoardQuery, DeadlineBoard>
{
    public async ValueTask<DeadlineBoard> Handle(GetDeadlineBoardQuery query, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var horizon = now.AddHours(query.WithinHours);
        var rows = await (
                from r in db.RemovalRequests.AsNoTracking().Where(OpenRequests.Filter).OfCasesVisibleTo(db.Cases, staff)
                where r.DeadlineAtUtc != null && r.DeadlineAtUtc < horizon
                join c in db.Cases.AsNoTracking() on r.CaseId equals c.Id
                join v in db.Victims.AsNoTracking() on r.VictimId equals v.Id
                join p in db.Platforms.AsNoTracking() on r.PlatformId equals p.Id
                orderby r.DeadlineAtUtc
                select new
                {
                    r.Id,
                    r.Reference,
                    CaseId = c.Id,
                    CaseReference = c.Reference,
                    v.Pseudonym,
                    p.Name,
                    r.Status,
                    Deadline = r.DeadlineAtUtc!.Value,
                    Locations = r.Items.Count,
                    FollowUpReady = db.FollowUps.Any(f => f.RequestId == r.Id && f.State == FollowUpState.ReadyToSend),
                    c.AssignedStaffId,
                })
            .Take(1000)
            .ToListAsync(cancellationToken);
        var board = rows.Select(r => new DeadlineRow(
            r.Id,
            r.Reference,
            r.CaseId,
            r.CaseReference,
            r.Pseudonym,
            r.Name,
            r.Status,
            r.Deadline,
            r.Deadline - now,
            r.Locations,
            NextActions.For(r.Status, r.Deadline < now, r.FollowUpReady),
            r.AssignedStaffId)).ToList();
        return new DeadlineBoard(
            now,
            board.Where(r => r.DeadlineAtUtc < now).ToList(),
            board.Where(r => r.DeadlineAtUtc >= now).ToList(),
            await FollowUpsAsync(horizon, cancellationToken),
            await TasksAsync(now, horizon, cancellationToken));
    }

    /// <summary>Read as entities, not projected, so that each title is opened with its victim's key.</summary>
    private async Task<IReadOnlyList<TaskRow>> TasksAsync(DateTime now, DateTime horizon, CancellationToken cancellationToken)
    {
        var visible = db.Cases.AsNoTracking().VisibleTo(staff);
        var tasks = await db.CaseTasks.AsNoTracking()
            .Where(t => t.DoneAtUtc == null && t.DueAtUtc < horizon && visible.Any(c => c.Id == t.CaseId))
            .OrderBy(t => t.DueAtUtc)
            .Take(1000)
            .ToListAsync(cancellationToken);
        var caseIds = tasks.Select(t => t.CaseId).Distinct().ToList();
        var cases = await (
                from c in visible.Where(c => caseIds.Contains(c.Id))
                join v in db.Victims.AsNoTracking() on c.VictimId equals v.Id
                select new { c.Id, c.Reference, v.Pseudonym })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        return tasks.Select(t => new TaskRow(
            t.Id, t.Title, t.CaseId, cases[t.CaseId].Reference, cases[t.CaseId].Pseudonym, t.DueAtUtc, t.DueAtUtc < now, t.AssigneeId)).ToList();
    }

    private async Task<IReadOnlyList<FollowUpRow>> FollowUpsAsync(DateTime horizon, CancellationToken cancellationToken)
    {
        var current = policy.Current;
        var submittedBefore = horizon - current.FirstFollowUpAfterSubmission;
        var rows = await (
                from r in db.RemovalRequests.AsNoTracking().Where(OpenRequests.Filter)
                where r.DeadlineAtUtc == null && r.Submission!.SubmittedAtUtc < submittedBefore
                join c in db.Cases.AsNoTracking().VisibleTo(staff) on r.CaseId equals c.Id
                join p in db.Platforms.AsNoTracking() on r.PlatformId equals p.Id
                orderby r.Submission!.SubmittedAtUtc
                select new { r.Id, r.Reference, CaseId = c.Id, CaseReference = c.Reference, p.Name, r.Kind, r.Status, r.Submission!.SubmittedAtUtc, c.AssignedStaffId })
            .Take(1000)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new FollowUpRow(
            r.Id, r.Reference, r.CaseId, r.CaseReference, r.Name, r.Kind, r.Status, current.FollowUpOn(r.SubmittedAtUtc, null)!.Value, r.AssignedStaffId)).ToList();
    }
}
