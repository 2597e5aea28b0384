using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Messaging;

namespace TakedownDesk.Application.Features.Outbox;

/// <summary>
/// For supervisors: what has not gone out (pending, retrying, dead-lettered, outcome unknown), oldest first. No bodies.
/// <see cref="OnlyNeedingStaff"/> keeps the dead-lettered and outcome-unknown ones: those that stay unsent until someone acts.
/// </summary>
public sealed record ListOutboxQuery(bool IncludeSent = false, int Take = 200, bool OnlyNeedingStaff = false) : IQuery<IReadOnlyList<OutboxItem>>;

public sealed record OutboxItem(
    Guid Id,
    string Key,
    string To,
    string Subject,
    OutboxState State,
    int Attempts,
    DateTime NextAttemptAtUtc,
    string? LastError,
    DateTime? SentAtUtc,
    string MessageId,
    DateTime CreatedAtUtc)
{
    /// <summary>The message may already have arrived: staff should check with the recipient before re-sending it.</summary>
    public bool CheckBeforeResending => State == OutboxState.OutcomeUnknown;
}

public sealed class ListOutboxHandler(ITakedownDeskDb db) : IQueryHandler<ListOutboxQuery, IReadOnlyList<OutboxItem>>
{
    public async ValueTask<IReadOnlyList<OutboxItem>> Handle(ListOutboxQuery query, CancellationToken cancellationToken) =>
        await db.OutboxMessages.AsNoTracking()
            .Where(m => query.IncludeSent || m.State != OutboxState.Sent)
            .Where(m => !query.OnlyNeedingStaff || m.State == OutboxState.DeadLettered || m.State == OutboxState.OutcomeUnknown)
            .OrderBy(m => m.CreatedAtUtc)
            .Take(query.Take)
            .Select(m => new OutboxItem(m.Id, m.Key, m.To, m.Subject, m.State, m.Attempts, m.NextAttemptAtUtc, m.LastError, m.SentAtUtc, m.MessageId, m.CreatedAtUtc))
            .ToListAsync(cancellationToken);
}
