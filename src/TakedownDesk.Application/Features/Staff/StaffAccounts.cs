using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Staff.Rules;

namespace TakedownDesk.Application.Features.Staff;

/// <summary>An administrator adds a staff member; the one-time password is handed over out of band and MFA enrolment follows at first sign-in.</summary>
public sealed record CreateStaffAccountCommand(string Email, string DisplayName, string Role, string? TimeZoneId, string Password) : ICommand<StaffAccount>;

public sealed class CreateStaffAccountValidator : AbstractValidator<CreateStaffAccountCommand>
{
    public CreateStaffAccountValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(100).PlainName().SingleLine();
        RuleFor(c => c.Role).Must(r => StaffRoles.All.Contains(r)).WithMessage("Choose caseworker, supervisor or administrator.");
        RuleFor(c => c.TimeZoneId).Must(BeAKnownTimeZone).WithMessage("Unknown time zone.");
        RuleFor(c => c.Password).NotEmpty().MinimumLength(12).MaximumLength(200);
    }

    private static bool BeAKnownTimeZone(string? id) => string.IsNullOrEmpty(id) || TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}

public sealed class CreateStaffAccountHandler(IStaffAccounts directory) : ICommandHandler<CreateStaffAccountCommand, StaffAccount>
{
    public async ValueTask<StaffAccount> Handle(CreateStaffAccountCommand command, CancellationToken cancellationToken) =>
        await directory.CreateAsync(command.Email.Trim(), command.DisplayName.Trim(), command.Role, command.TimeZoneId ?? "UTC", command.Password, cancellationToken);
}

public sealed record ListStaffAccountsQuery : IQuery<IReadOnlyList<StaffAccount>>;

public sealed class ListStaffAccountsHandler(IStaffAccounts directory) : IQueryHandler<ListStaffAccountsQuery, IReadOnlyList<StaffAccount>>
{
    public async ValueTask<IReadOnlyList<StaffAccount>> Handle(ListStaffAccountsQuery query, CancellationToken cancellationToken) =>
        await directory.ListAsync(cancellationToken);
}

public sealed record SetStaffRoleCommand(string StaffId, string Role) : ICommand;

public sealed class SetStaffRoleValidator : AbstractValidator<SetStaffRoleCommand>
{
    public SetStaffRoleValidator()
    {
        RuleFor(c => c.StaffId).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Role).Must(r => StaffRoles.All.Contains(r)).WithMessage("Choose caseworker, supervisor or administrator.");
    }
}

public sealed class SetStaffRoleHandler(IStaffAccounts directory) : ICommandHandler<SetStaffRoleCommand>
{
    public async ValueTask<Unit> Handle(SetStaffRoleCommand command, CancellationToken cancellationToken)
    {
        await directory.SetRoleAsync(command.StaffId, command.Role, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>An administrator disables an account: its sessions end at once, its tokens are revoked, it cannot sign in.</summary>
public sealed record DisableStaffAccountCommand(string StaffId) : ICommand;

public sealed class DisableStaffAccountValidator : AbstractValidator<DisableStaffAccountCommand>
{
    public DisableStaffAccountValidator() => RuleFor(c => c.StaffId).NotEmpty().MaximumLength(200);
}

public sealed class DisableStaffAccountHandler(IStaffAccounts directory, ICurrentStaff staff, TimeProvider time) : ICommandHandler<DisableStaffAccountCommand>
{
    public async ValueTask<Unit> Handle(DisableStaffAccountCommand command, CancellationToken cancellationToken)
    {
        BusinessRuleViolationException.ThrowIfBroken(new AdministratorsCannotDisableThemselves(staff.Id, command.StaffId));
        await directory.DisableAsync(command.StaffId, time.UtcNow(), cancellationToken);
        return Unit.Value;
    }
}
