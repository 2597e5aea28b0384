using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Web.Security;

namespace TakedownDesk.Web.Pages.Account;

/// <summary>
/// First step: the password. Unknown accounts, wrong passwords and locked accounts get the same answer after the same
/// work (a password hash is checked either way); attempts are limited per address and per account, one at a time per
/// account (<see cref="SignInThrottle"/>); the authenticator code comes next.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class SignInModel(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    IPasswordHasher<StaffUser> hasher,
    SignInThrottle throttle,
    ILogger<SignInModel> logger)
    : PageModel
{
    public const string Failure = "The email or password is not right, or the account is locked. Try again or ask an administrator.";
    private static readonly StaffUser Nobody = new();
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<StaffUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        using var turn = await throttle.AcquireAsync(Input.Email, HttpContext.RequestAborted);
        if (!turn.IsAcquired)
        {
            return TooMany();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null || user.DisabledAtUtc is not null || await users.IsLockedOutAsync(user))
        {
            // The same hashing work as a real check, so no unknown, disabled or locked account answers faster.
            hasher.VerifyHashedPassword(Nobody, DummyHash.Value, Input.Password);
            if (user is null)
            {
                SignInLog.UnknownAccount(logger, HttpContext.Connection.RemoteIpAddress);
            }
            else
            {
                SignInLog.LockedOut(logger, user.Id, HttpContext.Connection.RemoteIpAddress);
            }

            return Fail();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            SignInLog.Failed(logger, "password", user.Id, HttpContext.Connection.RemoteIpAddress);
            if (result.IsLockedOut)
            {
                SignInLog.LockedOut(logger, user.Id, HttpContext.Connection.RemoteIpAddress);
            }

            return Fail();
        }

        // Half signed in: only the authenticator step (or enrolment) can finish it.
        var pending = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme);
        await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
        return RedirectToPage(user.TwoFactorEnabled ? "Verify" : "Enrol", new { ReturnUrl });
    }

    private PageResult TooMany()
    {
        ModelState.AddModelError(string.Empty, SignInThrottle.TooManyAttempts);
        Input.Password = string.Empty;
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Page();
    }

    private PageResult Fail()
    {
        ModelState.AddModelError(string.Empty, Failure);
        Input.Password = string.Empty;
        return Page();
    }
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your email.")]
    [EmailAddress(ErrorMessage = "Enter an email address.")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = string.Empty;
}
