using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Infrastructure.Identity;

public sealed class StaffAccounts(UserManager<StaffUser> users, TakedownDeskDbContext db, SignInThrottle throttle, TimeProvider time) : IStaffAccounts
{
    public async Task<StaffAccount> CreateAsync(string email, string displayName, string role, string timeZoneId, string password, CancellationToken cancellationToken)
    {
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, TimeZoneId = timeZoneId, LockoutEnabled = true, MustChangePassword = true };
        Check(await users.CreateAsync(user, password), "Password");
        Check(await users.AddToRoleAsync(user, role), "Role");
        return new StaffAccount(user.Id, email, displayName, role, timeZoneId, false, false);
    }

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId into urs
                          from ur in urs.DefaultIfEmpty()
                          join r in db.Roles on ur.RoleId equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          orderby u.Email
                          select new { u.Id, u.Email, u.DisplayName, Role = r == null ? null : r.Name, u.TimeZoneId, u.TwoFactorEnabled, u.LockoutEnd, u.DisabledAtUtc })
            .ToListAsync(cancellationToken);
        return rows.Select(u => new StaffAccount(u.Id, u.Email ?? string.Empty, u.DisplayName, u.Role ?? string.Empty, u.TimeZoneId, u.TwoFactorEnabled, u.LockoutEnd > now, u.DisabledAtUtc != null)).ToList();
    }

    public async Task SetRoleAsync(string staffId, string role, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(staffId) ?? throw new NotFoundException("Staff member", staffId);
        Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)), "Role");
        Check(await users.AddToRoleAsync(user, role), "Role");
        Check(await users.UpdateSecurityStampAsync(user), "Role");
    }

    public async Task DisableAsync(string staffId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(staffId) ?? throw new NotFoundException("Staff member", staffId);
        user.DisabledAtUtc ??= nowUtc;
        Check(await users.UpdateAsync(user), "Account");
        Check(await users.UpdateSecurityStampAsync(user), "Account");
        await db.PersonalAccessTokens.Where(t => t.StaffUserId == staffId && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(t => t.RevokedAtUtc, nowUtc), cancellationToken);
    }

    public async Task UnlockAsync(string staffId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(staffId) ?? throw new NotFoundException("Staff member", staffId);
        Check(await users.SetLockoutEndDateAsync(user, null), "Account");
        Check(await users.ResetAccessFailedCountAsync(user), "Account");
    }

    public async Task ResetSecondFactorsAsync(string staffId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(staffId) ?? throw new NotFoundException("Staff member", staffId);
        foreach (var passkey in await users.GetPasskeysAsync(user))
        {
            Check(await users.RemovePasskeyAsync(user, passkey.CredentialId), "Account");
        }

        Check(await users.SetTwoFactorEnabledAsync(user, false), "Account");
        // A new key also renews the security stamp, so the account's sessions end here.
        Check(await users.ResetAuthenticatorKeyAsync(user), "Account");
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
    }

    public async Task<bool> ConfirmOwnerAsync(string staffId, string password, string authenticatorCode, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(staffId) ?? throw new NotFoundException("Staff member", staffId);
        // One attempt at a time per account, as at sign-in, so that every failure is counted before the next guess.
        using var turn = await throttle.AcquireAsync(user.Id, cancellationToken);
        if (!turn.IsAcquired || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        var confirmed = await users.CheckPasswordAsync(user, password)
                        && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, authenticatorCode);
        Check(confirmed ? await users.ResetAccessFailedCountAsync(user) : await users.AccessFailedAsync(user), "Account");
        return confirmed;
    }

    public async Task<CreatedAccessToken> CreateTokenAsync(
        string staffId, string name, AccessTokenScope scope, DateTime expiresAtUtc, CancellationToken cancellationToken)
    {
        var secret = PersonalAccessToken.NewSecret();
        var token = new PersonalAccessToken
        {
            StaffUserId = staffId,
            Name = name,
            Scope = scope,
            SecretHash = PersonalAccessToken.Hash(secret),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            ExpiresAtUtc = expiresAtUtc,
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedAccessToken(token.Id, name, secret, scope, expiresAtUtc);
    }

    public async Task<IReadOnlyList<AccessTokenView>> ListTokensAsync(string staffId, CancellationToken cancellationToken) =>
        await db.PersonalAccessTokens.AsNoTracking().Where(t => t.StaffUserId == staffId).OrderByDescending(t => t.CreatedAtUtc)
            .Select(t => new AccessTokenView(t.Id, t.Name, t.Scope, t.CreatedAtUtc, t.ExpiresAtUtc, t.RevokedAtUtc, t.LastUsedAtUtc))
            .ToListAsync(cancellationToken);

    public async Task RevokeTokenAsync(string staffId, Guid tokenId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.StaffUserId == staffId, cancellationToken)
                    ?? throw new NotFoundException("Access token", tokenId);
        token.RevokedAtUtc ??= nowUtc;
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [result.Errors.Any(e => e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal)) ? "Email" : field] =
                    result.Errors.Select(e => e.Description).ToArray(),
            });
        }
    }
}
