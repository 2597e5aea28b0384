using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Ports;

namespace TakedownDesk.Application.Behaviours;

/// <summary>
/// Takes the staff member's turn at the printer before the command's transaction begins, so that a burst of prints by
/// one person queues here, not inside the database's single writer (SQLite) where it would hold up everyone's writes.
/// The system actor's work is paced by the sweep and takes no turn.
/// </summary>
public sealed class PrintTurnBehaviour<TMessage, TResponse>(IPrintTurns turns, ICurrentStaff staff) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IPrintsDocuments, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (staff.Id == SystemActor.Id)
        {
            return await next(message, cancellationToken);
        }

        using var turn = await turns.TakeAsync(staff.Id, cancellationToken);
        return await next(message, cancellationToken);
    }
}
