using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>The board's "ready to send": follow-ups the desk drafted that no one has sent yet, and FTC packs to file, oldest first.</summary>
public sealed record ListEscalationWorkQuery : IQuery<EscalationWork>;

public sealed record EscalationWork(IReadOnlyList<ReadyFollowUpRow> FollowUps, IReadOnlyList<FtcPackRow> FtcPacks);

public sealed record ReadyFollowUpRow(
    Guid FollowUpId, Guid RequestId, string RequestReference, Guid CaseId, string CaseReference, string PlatformName,
    int Level, EscalationContactRole Role, ChannelKind Channel, FollowUpState State, DateTime DraftedAtUtc);

public sealed record FtcPackRow(Guid RequestId, string RequestReference, Guid CaseId, string CaseReference, string PlatformName, FtcReportState State, DateTime CreatedAtUtc);

public sealed class ListEscalationWorkHandler(ITakedownDeskDb db, ICurrentStaff staff) : IQueryHandler<ListEscalationWorkQuery, EscalationWork>
{
    private const int Limit = 500;

    public async ValueTask<EscalationWork> Handle(ListEscalationWorkQuery query, CancellationToken cancellationToken)
    {
        var followUps = await (
                from f in db.FollowUps.AsNoTracking()
                where f.State == FollowUpState.ReadyToSend || f.State == FollowUpState.Queued
                join r in db.RemovalRequests.AsNoTracking() on f.RequestId equals r.Id
                join c in db.Cases.AsNoTracking().VisibleTo(staff) on f.CaseId equals c.Id
                join p in db.Platforms.AsNoTracking() on f.PlatformId equals p.Id
                orderby f.DraftedAtUtc
                select new ReadyFollowUpRow(f.Id, r.Id, r.Reference, c.Id, c.Reference, p.Name, f.Level, f.Role, f.Channel, f.State, f.DraftedAtUtc))
            .Take(Limit)
            .ToListAsync(cancellationToken);
        var packs = await (
                from f in db.FtcReports.AsNoTracking()
                where f.State == FtcReportState.ReadyToFile || f.State == FtcReportState.Refused
                join r in db.RemovalRequests.AsNoTracking() on f.RequestId equals r.Id
                join c in db.Cases.AsNoTracking().VisibleTo(staff) on f.CaseId equals c.Id
                join p in db.Platforms.AsNoTracking() on f.PlatformId equals p.Id
                orderby f.CreatedAtUtc
                select new FtcPackRow(r.Id, r.Reference, c.Id, c.Reference, p.Name, f.State, f.CreatedAtUtc))
            .Take(Limit)
            .ToListAsync(cancellationToken);
        return new EscalationWork(followUps, packs);
    }
}
