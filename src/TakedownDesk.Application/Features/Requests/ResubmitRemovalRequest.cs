using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Requests;

/// <summary>Starts a new request (with its own clock) from a disputed one, carrying over its elements and unresolved locations.</summary>
public sealed record ResubmitRemovalRequestCommand(Guid RequestId) : ICommand<DraftedRequest>;

public sealed class ResubmitRemovalRequestValidator : AbstractValidator<ResubmitRemovalRequestCommand>
{
    public ResubmitRemovalRequestValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
    }
}

public sealed class ResubmitRemovalRequestHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time)
    : ICommandHandler<ResubmitRemovalRequestCommand, DraftedRequest>
{
    public async ValueTask<DraftedRequest> Handle(ResubmitRemovalRequestCommand command, CancellationToken cancellationToken)
    {
        var (request, @case) = await db.LoadRequestAsync(command.RequestId, staff, cancellationToken);
        var victim = await db.LoadVictimAsync(@case.VictimId, cancellationToken);
        var reference = await RequestReferences.NextAsync(db, @case, cancellationToken);
        var resubmission = request.Resubmit(reference, victim, time.UtcNow());
        db.RemovalRequests.Add(resubmission);
        return new DraftedRequest(resubmission.Id, resubmission.Reference, resubmission.Status, resubmission.MissingElements);
    }
}
