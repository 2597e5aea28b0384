using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Staff;

/// <summary>
/// An administrator resets a staff member's second factors after a lost phone or key: the old authenticator, recovery
/// codes and passkeys stop working, sessions end, and the owner enrols a new authenticator at their next sign-in.
/// </summary>
public sealed record ResetSecondFactorsCommand(string StaffId) : ICommand;

public sealed class ResetSecondFactorsValidator : AbstractValidator<ResetSecondFactorsCommand>
{
    public ResetSecondFactorsValidator() => RuleFor(c => c.StaffId).NotEmpty().MaximumLength(200);
}

public sealed class ResetSecondFactorsHandler(IStaffAccounts directory) : ICommandHandler<ResetSecondFactorsCommand>
{
    public async ValueTask<Unit> Handle(ResetSecondFactorsCommand command, CancellationToken cancellationToken)
    {
        await directory.ResetSecondFactorsAsync(command.StaffId, cancellationToken);
        return Unit.Value;
    }
}
