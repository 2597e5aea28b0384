using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Requests;

public sealed record DisputeValidityCommand(Guid RequestId, string Reason) : ICommand;

public sealed class DisputeValidityValidator : AbstractValidator<DisputeValidityCommand>
{
    public DisputeValidityValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
    }
}

public sealed class DisputeValidityHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<DisputeValidityCommand>
{
    public async ValueTask<Unit> Handle(DisputeValidityCommand command, CancellationToken cancellationToken)
    {
        var (request, _) = await db.LoadRequestAsync(command.RequestId, staff, cancellationToken);
        request.DisputeValidity(command.Reason, time.UtcNow());
        return Unit.Value;
    }
}
