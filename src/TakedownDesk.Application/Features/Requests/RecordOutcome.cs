using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Requests;

/// <summary>What the platform did about one location; the location's status on the case follows.</summary>
public sealed record RecordOutcomeCommand(Guid RequestId, Guid LocationId, LocationOutcome Outcome, DateTimeOffset At) : ICommand<RequestStatus>;

public sealed class RecordOutcomeValidator : AbstractValidator<RecordOutcomeCommand>
{
    public RecordOutcomeValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.LocationId).NotEmpty();
        RuleFor(c => c.Outcome).IsInEnum().NotEqual(LocationOutcome.Pending).WithMessage("Choose removed or not removed.");
    }
}

public sealed class RecordOutcomeHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<RecordOutcomeCommand, RequestStatus>
{
    public async ValueTask<RequestStatus> Handle(RecordOutcomeCommand command, CancellationToken cancellationToken)
    {
        var (request, @case) = await db.LoadRequestAsync(command.RequestId, staff, cancellationToken);
        var now = time.UtcNow();
        request.RecordOutcome(command.LocationId, command.Outcome, command.At.UtcDateTime, now);
        var status = command.Outcome == LocationOutcome.Removed ? LocationStatus.Removed : LocationStatus.Live;
        @case.ChangeLocationStatus(command.LocationId, status, $"Outcome of request {request.Reference}", now);
        return request.Status;
    }
}
