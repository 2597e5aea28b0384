using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Web.Security;

namespace TakedownDesk.Web.Pages.Account;

/// <summary>
/// Second step: an authenticator code (each usable once), a passkey, or a recovery code. Failures of any count towards lockout,
/// one attempt at a time per account.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class VerifyModel(SignInManager<StaffUser> signIn, SignInThrottle throttle, PasskeySecondFactor passkeys, ILogger<VerifyModel> logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty]
    public string? PasskeyCredential { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether the account has a passkey to offer (the button needs JavaScript and a browser with WebAuthn).</summary>
    public bool OffersPasskey { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PendingUserAsync() is not { } user)
        {
            return RedirectToPage("SignIn");
        }

        return await PageForAsync(user);
    }

    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        if (await PendingUserAsync() is not { } user)
        {
            return new ObjectResult(new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Sign in with your password first" })
            {
                StatusCode = StatusCodes.Status401Unauthorized,
                ContentTypes = { "application/problem+json" },
            };
        }

        return Content(await passkeys.BeginAsync(user), "application/json");
    }

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        if (await passkeys.PasswordCheckedUserAsync() is not { } user)
        {
            return RedirectToPage("SignIn");
        }

        using var turn = await throttle.AcquireAsync(user.Id, HttpContext.RequestAborted);
        if (!turn.IsAcquired)
        {
            await passkeys.FallBackToCodesAsync(user);
            return TooMany();
        }

        if (!await signIn.CanSignInAsync(user) || await signIn.UserManager.IsLockedOutAsync(user))
        {
            await passkeys.FallBackToCodesAsync(user);
            return await FailedAsync(user, "passkey", lockedOut: true);
        }

        if (!await passkeys.VerifyAsync(user, PasskeyCredential ?? string.Empty))
        {
            await signIn.UserManager.AccessFailedAsync(user);
            await passkeys.FallBackToCodesAsync(user);
            return await FailedAsync(user, "passkey", await signIn.UserManager.IsLockedOutAsync(user));
        }

        await signIn.UserManager.ResetAccessFailedCountAsync(user);
        await passkeys.CompleteAsync(user);
        return await FinishAsync(Microsoft.AspNetCore.Identity.SignInResult.Success, user, "passkey");
    }

    /// <summary>The browser's passkey prompt was dismissed or failed before anything was sent: codes work again.</summary>
    public async Task<IActionResult> OnPostPasskeyCancelledAsync()
    {
        if (await passkeys.PasswordCheckedUserAsync() is not { } user)
        {
            return RedirectToPage("SignIn");
        }

        await passkeys.FallBackToCodesAsync(user);
        ModelState.AddModelError(string.Empty, "No passkey was used. Enter a code from your authenticator app, or try the passkey again.");
        return await PageForAsync(user);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("SignIn");
        }

        using var turn = await throttle.AcquireAsync(user.Id, HttpContext.RequestAborted);
        if (!turn.IsAcquired)
        {
            return TooMany();
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        return await FinishAsync(result, user, "authenticator code");
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("SignIn");
        }

        using var turn = await throttle.AcquireAsync(user.Id, HttpContext.RequestAborted);
        if (!turn.IsAcquired)
        {
            return TooMany();
        }

        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            return await FinishAsync(Microsoft.AspNetCore.Identity.SignInResult.LockedOut, user, "recovery code");
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync((RecoveryCode ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal));
        if (!result.Succeeded && !result.IsLockedOut)
        {
            // Identity does not count a wrong recovery code; it counts here like a wrong authenticator code.
            await signIn.UserManager.AccessFailedAsync(user);
            if (await signIn.UserManager.IsLockedOutAsync(user))
            {
                result = Microsoft.AspNetCore.Identity.SignInResult.LockedOut;
            }
        }

        return await FinishAsync(result, user, "recovery code");
    }

    /// <summary>The account that passed the password step; a passkey ceremony left open (a reload, a second click) gives the codes back.</summary>
    private async Task<StaffUser?> PendingUserAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is { } user)
        {
            return user;
        }

        if (await passkeys.PasswordCheckedUserAsync() is not { } started)
        {
            return null;
        }

        await passkeys.FallBackToCodesAsync(started);
        return started;
    }

    private async Task<PageResult> PageForAsync(StaffUser user)
    {
        OffersPasskey = (await signIn.UserManager.GetPasskeysAsync(user)).Count > 0;
        return Page();
    }

    private async Task<PageResult> FailedAsync(StaffUser user, string step, bool lockedOut)
    {
        SignInLog.Failed(logger, step, user.Id, HttpContext.Connection.RemoteIpAddress);
        if (lockedOut)
        {
            SignInLog.LockedOut(logger, user.Id, HttpContext.Connection.RemoteIpAddress);
        }

        Code = null;
        ModelState.AddModelError(string.Empty, step == "passkey"
            ? "That passkey was not accepted. Try again, or enter a code from your authenticator app."
            : "That code was not accepted. Codes can be used once; wait for the next one.");
        return await PageForAsync(user);
    }

    private PageResult TooMany()
    {
        Code = null;
        ModelState.AddModelError(string.Empty, SignInThrottle.TooManyAttempts);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Page();
    }

    private async Task<IActionResult> FinishAsync(Microsoft.AspNetCore.Identity.SignInResult result, StaffUser user, string step)
    {
        if (!result.Succeeded)
        {
            return await FailedAsync(user, step, result.IsLockedOut);
        }

        SignInLog.SignedIn(logger, user.Id, step, HttpContext.Connection.RemoteIpAddress);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
