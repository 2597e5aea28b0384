using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Requests;

/// <summary>The platform confirmed receipt and gave its request number; the deadline does not move.</summary>
public sealed record RecordAcknowledgmentCommand(Guid RequestId, string PlatformRequestNumber, DateTimeOffset AcknowledgedAt) : ICommand;

public sealed class RecordAcknowledgmentValidator : AbstractValidator<RecordAcknowledgmentCommand>
{
    public RecordAcknowledgmentValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.PlatformRequestNumber).NotEmpty().MaximumLength(200);
    }
}

public sealed class RecordAcknowledgmentHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<RecordAcknowledgmentCommand>
{
    public async ValueTask<Mediator.Unit> Handle(RecordAcknowledgmentCommand command, CancellationToken cancellationToken)
    {
        var (request, _) = await db.LoadRequestAsync(command.RequestId, staff, cancellationToken);
        request.RecordAcknowledgment(command.PlatformRequestNumber, command.AcknowledgedAt.UtcDateTime, time.UtcNow());
        return Mediator.Unit.Value;
    }
}
