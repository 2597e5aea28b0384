using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Application.Common;

/// <summary>Staff accounts and their personal access tokens; the identity store implements it.</summary>
public interface IStaffAccounts
{
    Task<StaffAccount> CreateAsync(string email, string displayName, string role, string timeZoneId, string password, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken);

    Task SetRoleAsync(string staffId, string role, CancellationToken cancellationToken);

    /// <summary>Ends the account's sessions (new security stamp), revokes its tokens and refuses its sign-ins from now on.</summary>
    Task DisableAsync(string staffId, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>Lifts a lockout and forgets the failed attempts: for an owner who proved who they are another way.</summary>
    Task UnlockAsync(string staffId, CancellationToken cancellationToken);

    /// <summary>
    /// For a lost phone or key: a new authenticator secret (enrolled at the next sign-in), no recovery codes, no passkeys,
    /// and the account's sessions ended.
    /// </summary>
    Task ResetSecondFactorsAsync(string staffId, CancellationToken cancellationToken);

    Task<CreatedAccessToken> CreateTokenAsync(string staffId, string name, AccessTokenScope scope, DateTime expiresAtUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the person at the keyboard is the account's owner now: its password and a fresh authenticator code. A
    /// failure counts towards the account's lockout like a failed sign-in.
    /// </summary>
    Task<bool> ConfirmOwnerAsync(string staffId, string password, string authenticatorCode, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccessTokenView>> ListTokensAsync(string staffId, CancellationToken cancellationToken);

    Task RevokeTokenAsync(string staffId, Guid tokenId, DateTime nowUtc, CancellationToken cancellationToken);
}

public sealed record StaffAccount(string Id, string Email, string DisplayName, string Role, string TimeZoneId, bool MfaEnrolled, bool LockedOut, bool Disabled = false);

/// <summary>The token's secret is shown once, here; only its SHA-256 hash is stored.</summary>
public sealed record CreatedAccessToken(Guid Id, string Name, string Token, AccessTokenScope Scope, DateTime ExpiresAtUtc);

public sealed record AccessTokenView(
    Guid Id, string Name, AccessTokenScope Scope, DateTime CreatedAtUtc, DateTime ExpiresAtUtc, DateTime? RevokedAtUtc, DateTime? LastUsedAtUtc);

/// <summary>What an API client holding the token may do: read only (GET and HEAD), or also change things.</summary>
public enum AccessTokenScope
{
    [Display(Name = "Read only")]
    ReadOnly = 0,
    [Display(Name = "Read and write")]
    ReadWrite = 1,
}
