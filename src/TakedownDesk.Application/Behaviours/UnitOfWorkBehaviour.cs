using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Facts;

namespace TakedownDesk.Application.Behaviours;

/// <summary>One transaction per command: the state change, the reactions to its facts, its timeline entries and its outbox rows commit together or not at all.</summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(ITakedownDeskDb db, DomainFactDispatcher facts) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        await facts.DispatchPendingAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
