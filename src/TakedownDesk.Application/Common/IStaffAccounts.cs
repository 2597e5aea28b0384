namespace TakedownDesk.Application.Common;

/// <summary>Staff accounts and their personal access tokens; the identity store implements it.</summary>
public interface IStaffAccounts
{
    Task<StaffAccount> CreateAsync(string email, string displayName, string role, string timeZoneId, string password, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken);

    Task SetRoleAsync(string staffId, string role, CancellationToken cancellationToken);

    /// <summary>Ends the account's sessions (new security stamp), revokes its tokens and refuses its sign-ins from now on.</summary>
    Task DisableAsync(string staffId, DateTime nowUtc, CancellationToken cancellationToken);

    Task<CreatedAccessToken> CreateTokenAsync(string staffId, string name, DateTime expiresAtUtc, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccessTokenView>> ListTokensAsync(string staffId, CancellationToken cancellationToken);

    Task RevokeTokenAsync(string staffId, Guid tokenId, DateTime nowUtc, CancellationToken cancellationToken);
}

public sealed record StaffAccount(string Id, string Email, string DisplayName, string Role, string TimeZoneId, bool MfaEnrolled, bool LockedOut);

/// <summary>The token's secret is shown once, here; only its SHA-256 hash is stored.</summary>
public sealed record CreatedAccessToken(Guid Id, string Name, string Token, DateTime ExpiresAtUtc);

public sealed record AccessTokenView(Guid Id, string Name, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc, DateTime? LastUsedAtUtc);
