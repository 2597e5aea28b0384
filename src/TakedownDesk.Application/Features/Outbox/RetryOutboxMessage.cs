using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Messaging;

namespace TakedownDesk.Application.Features.Outbox;

/// <summary>
/// A supervisor re-queues a dead-lettered (or unknown-outcome) message; it goes out with the same Message-ID. An
/// outcome-unknown message needs <see cref="ConfirmedNotDelivered"/>: staff checked that it did not arrive.
/// </summary>
public sealed record RetryOutboxMessageCommand(Guid MessageId, bool ConfirmedNotDelivered = false) : ICommand<OutboxState>;

public sealed class RetryOutboxMessageValidator : AbstractValidator<RetryOutboxMessageCommand>
{
    public RetryOutboxMessageValidator() => RuleFor(c => c.MessageId).NotEmpty();
}

public sealed class RetryOutboxMessageHandler(ITakedownDeskDb db, TimeProvider time) : ICommandHandler<RetryOutboxMessageCommand, OutboxState>
{
    public async ValueTask<OutboxState> Handle(RetryOutboxMessageCommand command, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == command.MessageId, cancellationToken)
                      ?? throw new NotFoundException("Outbox message", command.MessageId);
        message.Requeue(time.UtcNow(), command.ConfirmedNotDelivered);
        return message.State;
    }
}
