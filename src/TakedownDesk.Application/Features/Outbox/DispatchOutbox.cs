using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Messaging;

namespace TakedownDesk.Application.Features.Outbox;

/// <summary>
/// Sends due outbox rows over one kept-open session, one at a time, saving each outcome as soon as it is known.
/// Not an <see cref="ICommand"/>: each outcome is its own small transaction, so a crash loses at most one.
/// </summary>
/// <param name="BatchSize">How many due messages one batch claims.</param>
/// <param name="LeaseSeconds">How long a batch holds its rows; after a crash they go out again once this has passed.</param>
public sealed record DispatchOutboxCommand(int BatchSize = 50, int LeaseSeconds = 300) : IRequest<OutboxDispatchResult>;

public sealed record OutboxDispatchResult(int Claimed, int Sent, int Retrying, int DeadLettered, int Unknown);

public sealed class DispatchOutboxValidator : AbstractValidator<DispatchOutboxCommand>
{
    public DispatchOutboxValidator()
    {
        RuleFor(c => c.BatchSize).InclusiveBetween(1, 1000);
        RuleFor(c => c.LeaseSeconds).InclusiveBetween(1, 86400);
    }
}

public sealed partial class DispatchOutboxHandler(
    ITakedownDeskDb db,
    IMailTransport transport,
    IMailSeal seal,
    IMediator mediator,
    TimeProvider time,
    ILogger<DispatchOutboxHandler> logger) : IRequestHandler<DispatchOutboxCommand, OutboxDispatchResult>
{
    /// <summary>Transient failures before a message is dead-lettered (back-off sums to several hours).</summary>
    public const int MaxAttempts = 15;

    public async ValueTask<OutboxDispatchResult> Handle(DispatchOutboxCommand command, CancellationToken cancellationToken)
    {
        var messages = await ClaimAsync(command.BatchSize, TimeSpan.FromSeconds(command.LeaseSeconds), cancellationToken);
        if (messages.Count == 0)
        {
            return new OutboxDispatchResult(0, 0, 0, 0, 0);
        }

        int sent = 0, retrying = 0, dead = 0, unknown = 0;
        await using var session = await transport.OpenAsync(cancellationToken);
        foreach (var message in messages)
        {
            var content = message.IsSealed ? seal.Open(message) : message.PlainContent;
            if (content is null)
            {
                message.MarkUndeliverable();
                TakedownDeskMetrics.EmailsFailed.Add(1, new KeyValuePair<string, object?>("outcome", "undeliverable"));
                dead++;
                await db.SaveChangesAsync(cancellationToken);
                LogUndeliverable(message.Id);
                continue;
            }

            var result = await session.SendAsync(message, content, cancellationToken);
            var now = time.UtcNow();
            switch (result.Outcome)
            {
                case MailSendOutcome.Accepted:
                    message.MarkSent(now);
                    sent++;
                    break;
                case MailSendOutcome.RetryLater:
                    message.MarkTransientFailure(result.Detail ?? "retry later", now, MaxAttempts);
                    TakedownDeskMetrics.EmailsFailed.Add(1, new KeyValuePair<string, object?>("outcome", "retry"));
                    if (message.State == OutboxState.DeadLettered)
                    {
                        dead++;
                    }
                    else
                    {
                        retrying++;
                    }

                    break;
                case MailSendOutcome.Rejected:
                    message.MarkDeadLettered(result.Detail ?? "rejected");
                    TakedownDeskMetrics.EmailsFailed.Add(1, new KeyValuePair<string, object?>("outcome", "rejected"));
                    dead++;
                    break;
                default:
                    message.MarkOutcomeUnknown(result.Detail ?? "outcome unknown");
                    TakedownDeskMetrics.EmailsFailed.Add(1, new KeyValuePair<string, object?>("outcome", "unknown"));
                    unknown++;
                    break;
            }

            await db.SaveChangesAsync(cancellationToken);
            LogOutcome(message.Id, message.State, message.Attempts);
            if (message.State == OutboxState.Sent && message.RemovalRequestId is { } requestId)
            {
                await mediator.Send(new Requests.RecordEmailSubmissionCommand(requestId, message.Id), cancellationToken);
            }
        }

        return new OutboxDispatchResult(messages.Count, sent, retrying, dead, unknown);
    }

    /// <summary>Claims due messages with a fresh token; the lease is the next attempt time (<see cref="LeaseClaim"/>).</summary>
    private async Task<List<OutboxMessage>> ClaimAsync(int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var token = Guid.NewGuid();
        var leaseEnd = now + lease;
        var count = await LeaseClaim.ClaimAsync(
            db.OutboxMessages,
            m => (m.State == OutboxState.Pending || m.State == OutboxState.Failed) && m.NextAttemptAtUtc <= now,
            m => m.NextAttemptAtUtc,
            batchSize,
            u => u.SetProperty(m => m.LockToken, token).SetProperty(m => m.NextAttemptAtUtc, leaseEnd),
            cancellationToken);
        if (count == 0)
        {
            return [];
        }

        return await db.OutboxMessages
            .Include(m => m.Attachments)
            .Where(m => m.LockToken == token)
            .OrderBy(m => m.CreatedAtUtc)
            .ToListAsync(cancellationToken);
    }

    private void LogOutcome(Guid messageId, OutboxState state, int attempts)
    {
        switch (state)
        {
            case OutboxState.Sent:
                LogSent(messageId, attempts);
                break;
            case OutboxState.DeadLettered:
                LogDeadLettered(messageId, attempts);
                break;
            case OutboxState.OutcomeUnknown:
                LogOutcomeUnknown(messageId, attempts);
                break;
            default:
                LogRetrying(messageId, attempts);
                break;
        }
    }

    [LoggerMessage(EventId = LogEvents.EmailSent, Level = LogLevel.Information, Message = "Outbox message {MessageId} sent after {Attempts} attempt(s)")]
    private partial void LogSent(Guid messageId, int attempts);

    [LoggerMessage(EventId = LogEvents.EmailRetrying, Level = LogLevel.Information, Message = "Outbox message {MessageId} will be retried after {Attempts} attempt(s)")]
    private partial void LogRetrying(Guid messageId, int attempts);

    [LoggerMessage(EventId = LogEvents.EmailDeadLettered, Level = LogLevel.Warning, Message = "Outbox message {MessageId} dead-lettered after {Attempts} attempt(s)")]
    private partial void LogDeadLettered(Guid messageId, int attempts);

    [LoggerMessage(EventId = LogEvents.EmailOutcomeUnknown, Level = LogLevel.Warning, Message = "Outbox message {MessageId}: outcome unknown after {Attempts} attempt(s); staff must check before a re-send")]
    private partial void LogOutcomeUnknown(Guid messageId, int attempts);

    [LoggerMessage(EventId = LogEvents.EmailUndeliverable, Level = LogLevel.Warning, Message = "Outbox message {MessageId} is undeliverable: its victim was erased before it was sent")]
    private partial void LogUndeliverable(Guid messageId);
}
