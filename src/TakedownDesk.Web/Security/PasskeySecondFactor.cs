using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using TakedownDesk.Infrastructure.Identity;

namespace TakedownDesk.Web.Security;

/// <summary>
/// A passkey as the second step after the password. Identity keeps the WebAuthn challenge in the same cookie that says who
/// passed the password step, so that fact is kept in a cookie of its own for the few minutes the ceremony takes: the passkey
/// must belong to the account whose password was checked, and a cancelled ceremony can fall back to a code.
/// </summary>
public sealed class PasskeySecondFactor(SignInManager<StaffUser> signIn, IHttpContextAccessor http)
{
    public const string Scheme = "Identity.PasskeySecondFactor";

    private static readonly TimeSpan CeremonyLifetime = TimeSpan.FromMinutes(5);

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("A passkey step runs inside a request.");

    public static void AddScheme(AuthenticationBuilder authentication) =>
        authentication.AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "td.passkey";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = CeremonyLifetime;
            cookie.SlidingExpiration = false;
        });

    /// <summary>The WebAuthn request options for the account that passed the password step, bound to it.</summary>
    public async Task<string> BeginAsync(StaffUser user)
    {
        var passed = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], Scheme);
        await Context.SignInAsync(Scheme, new ClaimsPrincipal(passed));
        return await signIn.MakePasskeyRequestOptionsAsync(user);
    }

    /// <summary>The account that passed the password step and started a ceremony, if it is still within its minutes.</summary>
    public async Task<StaffUser?> PasswordCheckedUserAsync()
    {
        var result = await Context.AuthenticateAsync(Scheme);
        return result.Principal?.FindFirstValue(ClaimTypes.Name) is { } userId ? await signIn.UserManager.FindByIdAsync(userId) : null;
    }

    /// <summary>Whether <paramref name="credentialJson"/> is a valid assertion by one of <paramref name="user"/>'s passkeys.</summary>
    public async Task<bool> VerifyAsync(StaffUser user, string credentialJson)
    {
        PasskeyAssertionResult<StaffUser> assertion;
        try
        {
            assertion = await signIn.PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Malformed JSON or no ceremony underway: a failed attempt like a wrong code.
            return false;
        }

        if (!assertion.Succeeded || assertion.User.Id != user.Id)
        {
            return false;
        }

        // Keeps the signature counter, so a cloned authenticator shows itself.
        return (await signIn.UserManager.AddOrUpdatePasskeyAsync(user, assertion.Passkey)).Succeeded;
    }

    /// <summary>Ends the ceremony, and gives the code and recovery-code steps back the account that passed the password.</summary>
    public async Task FallBackToCodesAsync(StaffUser user)
    {
        await Context.SignOutAsync(Scheme);
        var pending = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme);
        await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
    }

    public async Task CompleteAsync(StaffUser user)
    {
        await Context.SignOutAsync(Scheme);
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
    }
}
