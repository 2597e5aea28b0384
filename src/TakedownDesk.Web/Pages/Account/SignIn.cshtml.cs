using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Web.Security;

namespace TakedownDesk.Web.Pages.Account;

/// <summary>
/// First step: the password. Unknown accounts, wrong passwords and locked accounts get the same answer after the same
/// work (a password hash is checked either way); the authenticator code comes next.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IPasswordHasher<StaffUser> hasher, ILogger<SignInModel> logger)
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
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            hasher.VerifyHashedPassword(Nobody, DummyHash.Value, Input.Password);
            SignInLog.UnknownAccount(logger);
            return Fail();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            SignInLog.Failed(logger, "password", user.Id);
            if (result.IsLockedOut)
            {
                SignInLog.LockedOut(logger, user.Id);
            }

            return Fail();
        }

        // Half signed in: only the authenticator step (or enrolment) can finish it.
        var pending = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme);
        await HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
        return RedirectToPage(user.TwoFactorEnabled ? "Verify" : "Enrol", new { ReturnUrl });
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
