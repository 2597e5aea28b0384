using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Messaging;

namespace TakedownDesk.Application.Features.Outbox;

/// <summary>An administrator re-queues a dead-lettered (or unknown-outcome) message; it goes out with the same Message-ID.</summary>
public sealed record RetryOutboxMessageCommand(Guid MessageId) : ICommand<OutboxState>;

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
        message.Requeue(time.UtcNow());
        return message.State;
    }
}
