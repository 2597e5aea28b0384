using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TakedownDesk.Infrastructure.Identity;

namespace TakedownDesk.Web.Pages.Account;

/// <summary>
/// A staff member changes their own password. Identity renews the security stamp, so every other session of the account
/// ends at once; this one is signed in again with the new stamp. Guesses at the current password are throttled like sign-in.
/// </summary>
[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class PasswordModel(SignInManager<StaffUser> signIn, SignInThrottle throttle) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Clear();
        }

        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        using var turn = await throttle.AcquireAsync(user.Id, HttpContext.RequestAborted);
        if (!turn.IsAcquired)
        {
            ModelState.AddModelError(string.Empty, SignInThrottle.TooManyAttempts);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Clear();
        }

        var result = await signIn.UserManager.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", Say(error));
            }

            return Clear();
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await signIn.UserManager.UpdateAsync(user);
        }

        await signIn.RefreshSignInAsync(user);
        Changed = true;
        return Clear();
    }

    private static string Say(IdentityError error) => error.Code == "PasswordMismatch" ? "The current password is not right." : error.Description;

    private PageResult Clear()
    {
        Input = new PasswordInput();
        return Page();
    }
}

public sealed class PasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter a new password.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "The new password needs at least 12 characters.")]
    public string NewPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "Enter the new password again.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
