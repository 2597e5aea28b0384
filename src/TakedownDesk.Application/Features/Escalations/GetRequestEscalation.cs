using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>Where a request stands on the escalation ladder: its follow-ups, the next level due, and its FTC report pack.</summary>
public sealed record GetRequestEscalationQuery(Guid RequestId) : IQuery<RequestEscalation>;

public sealed record RequestEscalation(
    Guid RequestId,
    IReadOnlyList<FollowUpView> FollowUps,
    NextLevelView? NextLevel,
    FtcReportView? FtcReport);

public sealed record FollowUpView(
    Guid Id,
    int Level,
    EscalationContactRole Role,
    ChannelKind Channel,
    string? Target,
    string Instructions,
    bool ContactVerified,
    FollowUpState State,
    DateTime DraftedAtUtc,
    DateTime? QueuedAtUtc,
    DateTime? SentAtUtc,
    string? Evidence)
{
    public bool CanBeSentFromTheDesk => State == FollowUpState.ReadyToSend && Channel == ChannelKind.Email && Target is not null;
}

public sealed record NextLevelView(int Level, DateTime DueAtUtc);

public sealed record FtcReportView(Guid Id, FtcReportState State, DateTime CreatedAtUtc, string? RefusalReason, Guid? DocumentId, string? FtcReferenceNumber, DateTime? FiledAtUtc);

public sealed class GetRequestEscalationHandler(ITakedownDeskDb db, ICurrentStaff staff) : IQueryHandler<GetRequestEscalationQuery, RequestEscalation>
{
    public async ValueTask<RequestEscalation> Handle(GetRequestEscalationQuery query, CancellationToken cancellationToken)
    {
        var visible = await db.RemovalRequests.AsNoTracking()
            .Where(r => r.Id == query.RequestId)
            .Join(db.Cases.VisibleTo(staff), r => r.CaseId, c => c.Id, (r, c) => r.Id)
            .AnyAsync(cancellationToken);
        if (!visible)
        {
            throw new NotFoundException("Removal request", query.RequestId);
        }

        var followUps = await db.FollowUps.AsNoTracking()
            .Where(f => f.RequestId == query.RequestId)
            .OrderBy(f => f.Level)
            .Select(f => new FollowUpView(f.Id, f.Level, f.Role, f.Channel, f.Target, f.Instructions, f.ContactVerified, f.State, f.DraftedAtUtc, f.QueuedAtUtc, f.SentAtUtc, f.Evidence))
            .ToListAsync(cancellationToken);
        var next = await db.EscalationSteps.AsNoTracking()
            .Where(s => s.RequestId == query.RequestId && s.Kind == EscalationKind.EscalationLevelDue
                        && (s.State == EscalationState.Pending || s.State == EscalationState.Claimed))
            .OrderBy(s => s.Level)
            .Select(s => new NextLevelView(s.Level, s.DueAtUtc))
            .FirstOrDefaultAsync(cancellationToken);
        var ftc = await db.FtcReports.AsNoTracking()
            .Where(r => r.RequestId == query.RequestId)
            .Select(r => new FtcReportView(r.Id, r.State, r.CreatedAtUtc, r.RefusalReason, r.DocumentId, r.FtcReferenceNumber, r.FiledAtUtc))
            .SingleOrDefaultAsync(cancellationToken);
        return new RequestEscalation(query.RequestId, followUps, next, ftc);
    }
}
