using Microsoft.AspNetCore.Identity;

namespace TakedownDesk.Infrastructure.Identity;

/// <summary>
/// The authenticator-app provider, except that a code is accepted once: its time step must be later than the last
/// one accepted for the user (Identity's own provider accepts a code again within its window).
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<StaffUser>
{
    public const string Name = "SingleUseAuthenticator";

    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = token.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (Totp.MatchingStep(key, code, time.GetUtcNow()) is not { } step || step <= user.LastTotpTimeStep)
        {
            return false;
        }

        user.LastTotpTimeStep = step;
        var saved = await manager.UpdateAsync(user);
        return saved.Succeeded;
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));
}
