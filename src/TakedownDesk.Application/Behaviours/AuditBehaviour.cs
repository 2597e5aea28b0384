using System.Reflection;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Audit;
using TakedownDesk.Domain.Auditing;

namespace TakedownDesk.Application.Behaviours;

/// <summary>
/// Records every command, and every query that reveals confidential victim data, in the audit chain: who, when,
/// which case, which use case — never the values. A command's entry commits with the command (this behaviour runs
/// inside the unit of work); an audited query's view is committed before its answer is returned.
/// </summary>
public sealed class AuditBehaviour<TMessage, TResponse>(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string Action = typeof(TMessage).Name;
    private static readonly PropertyInfo? MessageCaseId = GuidProperty(typeof(TMessage), "CaseId");
    private static readonly PropertyInfo? MessageRequestId = GuidProperty(typeof(TMessage), "RequestId");
    private static readonly PropertyInfo? ResponseCaseId = GuidProperty(typeof(TResponse), "CaseId");

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IAuditedQuery audited)
        {
            TResponse answer;
            try
            {
                answer = await next(message, cancellationToken);
            }
            catch (NotFoundException)
            {
                // A look at a case the account may not see is worth a supervisor's attention.
                await RecordViewAsync(audited.CaseId, AuditKind.DeniedView, cancellationToken);
                throw;
            }

            await RecordViewAsync(audited.CaseId, AuditKind.ConfidentialView, cancellationToken);
            return answer;
        }

        if (message is not IBaseCommand)
        {
            return await next(message, cancellationToken);
        }

        var response = await next(message, cancellationToken);
        AuditChain.Append(db, time.UtcNow(), staff.Id, await CaseOfAsync(message, response, cancellationToken), Action, AuditKind.Command);
        if (db.Database.CurrentTransaction is null)
        {
            // Only if the behaviour was registered outside the unit of work: still recorded, though no longer atomically.
            await db.SaveChangesAsync(cancellationToken);
        }

        return response;
    }

    private async Task RecordViewAsync(Guid caseId, AuditKind kind, CancellationToken cancellationToken)
    {
        // One insert, atomic on its own; it takes no lock, the chain is sealed later (AuditSealer).
        AuditChain.Append(db, time.UtcNow(), staff.Id, caseId, Action, kind);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static PropertyInfo? GuidProperty(Type type, string name) =>
        type.GetProperty(name) is { } property && (property.PropertyType == typeof(Guid) || property.PropertyType == typeof(Guid?)) ? property : null;

    private async Task<Guid?> CaseOfAsync(TMessage message, TResponse response, CancellationToken cancellationToken)
    {
        if (MessageCaseId?.GetValue(message) is Guid fromMessage)
        {
            return fromMessage;
        }

        if (response is not null && ResponseCaseId?.GetValue(response) is Guid fromResponse)
        {
            return fromResponse;
        }

        if (MessageRequestId?.GetValue(message) is Guid requestId)
        {
            return await db.RemovalRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => (Guid?)r.CaseId).SingleOrDefaultAsync(cancellationToken);
        }

        return null;
    }
}
