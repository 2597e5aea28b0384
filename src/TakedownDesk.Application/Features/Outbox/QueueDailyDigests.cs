using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Alerts;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Outbox;

/// <summary>
/// Queues each staff member's daily digest once their local 08:00 has come. The row's key is
/// "digest:{staffId}:{localDate}", so a tick that runs twice, or a clock that jumps, cannot queue a second one.
/// </summary>
public sealed record QueueDailyDigestsCommand : ICommand<int>;

public sealed class QueueDailyDigestsHandler(ITakedownDeskDb db, IStaffDirectory staffDirectory, AlertMails mails, TimeProvider time)
    : ICommandHandler<QueueDailyDigestsCommand, int>
{
    /// <summary>A digest more than this late (the app was down at 08:00) is skipped rather than sent in the afternoon.</summary>
    public static readonly TimeSpan CatchUpWindow = TimeSpan.FromHours(4);

    public async ValueTask<int> Handle(QueueDailyDigestsCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var queued = 0;
        foreach (var member in await staffDirectory.AllAsync(cancellationToken))
        {
            if (DigestSchedule.DueLocalDate(member.TimeZone, now, DigestSchedule.DefaultLocalTime, CatchUpWindow) is not { } localDate)
            {
                continue;
            }

            var key = $"digest:{member.Id}:{localDate:yyyy-MM-dd}";
            if (await db.OutboxMessages.AnyAsync(m => m.Key == key, cancellationToken))
            {
                continue;
            }

            var open = await OpenRequestsAsync(member, cancellationToken);
            var mail = await mails.ComposeDigestAsync(localDate, open, member, cancellationToken);
            db.OutboxMessages.Add(new OutboxMessage(key, member.Email, mail.Subject, mail.HtmlBody, mail.TextBody, now));
            queued++;
        }

        return queued;
    }

    private async Task<IReadOnlyList<DigestEntry>> OpenRequestsAsync(StaffContact member, CancellationToken cancellationToken)
    {
        var cases = member.IsSupervisor ? db.Cases : db.Cases.Where(c => c.AssignedStaffId == member.Id);
        var rows = await db.RemovalRequests
            .Where(OpenRequests.Filter)
            .Join(cases, r => r.CaseId, c => c.Id, (r, c) => new { r.Id, CaseReference = c.Reference, r.Reference, r.PlatformId, r.DeadlineAtUtc, r.Status })
            .Join(db.Platforms, x => x.PlatformId, p => p.Id, (x, p) => new { x.Id, x.CaseReference, x.Reference, PlatformName = p.Name, x.DeadlineAtUtc, x.Status })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.DeadlineAtUtc ?? DateTime.MaxValue)
            .Select(r => new DigestEntry(r.Id, r.CaseReference, r.Reference, r.PlatformName, r.DeadlineAtUtc, r.Status.ToString()))
            .ToList();
    }
}
