using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Staff.Rules;

namespace TakedownDesk.Application.Features.Staff;

/// <summary>
/// A personal access token for the signed-in staff member's API client. Read-only unless asked otherwise; the owner
/// confirms who they are with their password and a fresh authenticator code, so a borrowed session cannot mint one.
/// </summary>
public sealed record CreateAccessTokenCommand(
    string Name,
    string CurrentPassword,
    string AuthenticatorCode,
    AccessTokenScope Scope = AccessTokenScope.ReadOnly,
    int ValidForDays = 90) : ICommand<AccessTokenCreation>;

/// <summary>
/// The new token, or none when the owner was not confirmed. A refusal is an answer, not an exception, so that the
/// failed attempt it counts towards the lockout is committed with the command.
/// </summary>
public sealed record AccessTokenCreation(CreatedAccessToken? Token)
{
    public const string NotConfirmed =
        "The password or the authenticator code was not accepted. Each code works once; after repeated failures wait 15 minutes.";

    public CreatedAccessToken EnsureCreated() => Token ?? throw new RequestValidationException(new Dictionary<string, string[]>
    {
        [nameof(CreateAccessTokenCommand.AuthenticatorCode)] = [NotConfirmed],
    });
}

public sealed class CreateAccessTokenValidator : AbstractValidator<CreateAccessTokenCommand>
{
    public CreateAccessTokenValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.ValidForDays).InclusiveBetween(1, 365);
        RuleFor(c => c.Scope).IsInEnum();
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your password to create a token.");
        RuleFor(c => c.AuthenticatorCode).NotEmpty().WithMessage("Enter the code your authenticator app shows now.");
    }
}

public sealed class CreateAccessTokenHandler(IStaffAccounts directory, ICurrentStaff staff, TimeProvider time)
    : ICommandHandler<CreateAccessTokenCommand, AccessTokenCreation>
{
    public async ValueTask<AccessTokenCreation> Handle(CreateAccessTokenCommand command, CancellationToken cancellationToken)
    {
        if (!await directory.ConfirmOwnerAsync(staff.Id, command.CurrentPassword, command.AuthenticatorCode, cancellationToken))
        {
            return new AccessTokenCreation(null);
        }

        var now = time.UtcNow();
        var active = (await directory.ListTokensAsync(staff.Id, cancellationToken)).Count(t => t.RevokedAtUtc is null && t.ExpiresAtUtc > now);
        BusinessRuleViolationException.ThrowIfBroken(new ActiveAccessTokensAreCapped(active));
        return new AccessTokenCreation(
            await directory.CreateTokenAsync(staff.Id, command.Name.Trim(), command.Scope, now.AddDays(command.ValidForDays), cancellationToken));
    }
}

public sealed record ListAccessTokensQuery : IQuery<IReadOnlyList<AccessTokenView>>;

public sealed class ListAccessTokensHandler(IStaffAccounts directory, ICurrentStaff staff) : IQueryHandler<ListAccessTokensQuery, IReadOnlyList<AccessTokenView>>
{
    public async ValueTask<IReadOnlyList<AccessTokenView>> Handle(ListAccessTokensQuery query, CancellationToken cancellationToken) =>
        await directory.ListTokensAsync(staff.Id, cancellationToken);
}

/// <summary>Revokes one of the caller's own tokens; another's token is not found.</summary>
public sealed record RevokeAccessTokenCommand(Guid TokenId) : ICommand;

public sealed class RevokeAccessTokenHandler(IStaffAccounts directory, ICurrentStaff staff, TimeProvider time) : ICommandHandler<RevokeAccessTokenCommand>
{
    public async ValueTask<Unit> Handle(RevokeAccessTokenCommand command, CancellationToken cancellationToken)
    {
        await directory.RevokeTokenAsync(staff.Id, command.TokenId, time.UtcNow(), cancellationToken);
        return Unit.Value;
    }
}
