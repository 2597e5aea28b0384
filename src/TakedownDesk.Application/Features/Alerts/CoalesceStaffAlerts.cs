using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Alerts;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Alerts;
using TakedownDesk.Domain.Messaging;

namespace TakedownDesk.Application.Features.Alerts;

/// <summary>
/// Turns each person's waiting alerts into one e-mail (an outbox row), so a platform that ignores 500 requests sends
/// its caseworker one message, not 500. Each person is its own transaction: the alerts are taken by a conditional
/// update, so two instances never send the same alert twice, and a template that fails holds back only that person's.
/// </summary>
/// <param name="DueStepsDone">The sweep found no more due steps: send now rather than wait for more to join.</param>
public sealed record CoalesceStaffAlertsCommand(bool DueStepsDone) : IRequest<int>;

public sealed partial class CoalesceStaffAlertsHandler(
    ITakedownDeskDb db,
    IStaffDirectory staffDirectory,
    AlertMails mails,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<CoalesceStaffAlertsHandler> logger) : IRequestHandler<CoalesceStaffAlertsCommand, int>
{
    /// <summary>Alerts read per pass; a larger backlog is taken on the next pass.</summary>
    public const int MaxAlertsPerPass = 5000;

    public async ValueTask<int> Handle(CoalesceStaffAlertsCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var waitedLongEnough = now - TimeSpan.FromSeconds(Math.Max(0, options.Value.MaxWaitSeconds));
        var waiting = await db.StaffAlerts.AsNoTracking()
            .Where(a => a.OutboxMessageId == null)
            .OrderBy(a => a.CreatedAtUtc)
            .Take(MaxAlertsPerPass)
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var alerts in waiting.GroupBy(a => a.StaffId, StringComparer.Ordinal).Select(g => g.ToList()))
        {
            if (!command.DueStepsDone && alerts[0].CreatedAtUtc > waitedLongEnough)
            {
                continue;
            }

            if (await QueueAsync(alerts, now, cancellationToken))
            {
                queued++;
            }
        }

        return queued;
    }

    private async Task<bool> QueueAsync(List<StaffAlert> alerts, DateTime now, CancellationToken cancellationToken)
    {
        var staffId = alerts[0].StaffId;
        if (await staffDirectory.GetAsync(staffId, cancellationToken) is not { } recipient)
        {
            LogNotComposed(alerts.Count, staffId, "not in the staff directory");
            return false;
        }

        ComposedMail mail;
        try
        {
            mail = await mails.ComposeAsync(alerts, recipient, cancellationToken);
        }
        catch (TemplateRenderException exception)
        {
            LogNotComposed(alerts.Count, staffId, exception.Message);
            return false;
        }

        // One alert keeps its step's key, so its e-mail has the same Message-ID as before coalescing existed.
        var key = alerts.Count == 1 ? alerts[0].Key : $"alerts:{staffId}:{alerts[0].Id}";
        var message = new OutboxMessage(key, recipient.Email, mail.Subject, mail.HtmlBody, mail.TextBody, now);
        var ids = alerts.ConvertAll(a => a.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var taken = await db.StaffAlerts
            .Where(a => ids.Contains(a.Id) && a.OutboxMessageId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.OutboxMessageId, message.Id), cancellationToken);
        if (taken != ids.Count)
        {
            // Another instance took some of them first; what is left waits for the next pass.
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogQueued(alerts.Count, message.Id);
        return true;
    }

    [LoggerMessage(EventId = LogEvents.AlertsQueued, Level = LogLevel.Information, Message = "{Count} staff alert(s) queued as outbox message {MessageId}")]
    private partial void LogQueued(int count, Guid messageId);

    [LoggerMessage(EventId = LogEvents.AlertsNotComposed, Level = LogLevel.Warning, Message = "{Count} staff alert(s) for {StaffId} wait: {Reason}")]
    private partial void LogNotComposed(int count, string staffId, string reason);
}
