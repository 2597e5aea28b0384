using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Staff.Rules;

namespace TakedownDesk.Application.Features.Staff;

/// <summary>A personal access token for the signed-in staff member's API client.</summary>
public sealed record CreateAccessTokenCommand(string Name, int ValidForDays = 90) : ICommand<CreatedAccessToken>;

public sealed class CreateAccessTokenValidator : AbstractValidator<CreateAccessTokenCommand>
{
    public CreateAccessTokenValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.ValidForDays).InclusiveBetween(1, 365);
    }
}

public sealed class CreateAccessTokenHandler(IStaffAccounts directory, ICurrentStaff staff, TimeProvider time)
    : ICommandHandler<CreateAccessTokenCommand, CreatedAccessToken>
{
    public async ValueTask<CreatedAccessToken> Handle(CreateAccessTokenCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var active = (await directory.ListTokensAsync(staff.Id, cancellationToken)).Count(t => t.RevokedAtUtc is null && t.ExpiresAtUtc > now);
        BusinessRuleViolationException.ThrowIfBroken(new ActiveAccessTokensAreCapped(active));
        return await directory.CreateTokenAsync(staff.Id, command.Name.Trim(), now.AddDays(command.ValidForDays), cancellationToken);
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
