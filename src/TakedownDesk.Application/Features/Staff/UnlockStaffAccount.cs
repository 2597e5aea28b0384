using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Staff;

/// <summary>An administrator lifts a lockout once the owner has shown, outside the desk, that the failed attempts were theirs.</summary>
public sealed record UnlockStaffAccountCommand(string StaffId) : ICommand;

public sealed class UnlockStaffAccountValidator : AbstractValidator<UnlockStaffAccountCommand>
{
    public UnlockStaffAccountValidator() => RuleFor(c => c.StaffId).NotEmpty().MaximumLength(200);
}

public sealed class UnlockStaffAccountHandler(IStaffAccounts directory) : ICommandHandler<UnlockStaffAccountCommand>
{
    public async ValueTask<Unit> Handle(UnlockStaffAccountCommand command, CancellationToken cancellationToken)
    {
        await directory.UnlockAsync(command.StaffId, cancellationToken);
        return Unit.Value;
    }
}
