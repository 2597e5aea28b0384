using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Web.Security;

namespace TakedownDesk.Web.Pages.Account;

/// <summary>Second step: an authenticator code (each usable once) or a recovery code. Failures of either count towards lockout, one attempt at a time per account.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class VerifyModel(SignInManager<StaffUser> signIn, SignInThrottle throttle, ILogger<VerifyModel> logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

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
        return Finish(result, user, "authenticator code");
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
            return Finish(Microsoft.AspNetCore.Identity.SignInResult.LockedOut, user, "recovery code");
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

        return Finish(result, user, "recovery code");
    }

    private PageResult TooMany()
    {
        Code = null;
        ModelState.AddModelError(string.Empty, SignInThrottle.TooManyAttempts);
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Page();
    }

    private IActionResult Finish(Microsoft.AspNetCore.Identity.SignInResult result, StaffUser user, string step)
    {
        if (result.Succeeded)
        {
            SignInLog.SignedIn(logger, user.Id, step, HttpContext.Connection.RemoteIpAddress);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        SignInLog.Failed(logger, step, user.Id, HttpContext.Connection.RemoteIpAddress);
        if (result.IsLockedOut)
        {
            SignInLog.LockedOut(logger, user.Id, HttpContext.Connection.RemoteIpAddress);
        }

        Code = null;
        ModelState.AddModelError(string.Empty, "That code was not accepted. Codes can be used once; wait for the next one.");
        return Page();
    }
}
