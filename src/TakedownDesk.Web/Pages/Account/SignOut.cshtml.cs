using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Infrastructure.Identity;

namespace TakedownDesk.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<StaffUser> signIn, ILogger<SignOutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>
    /// Renews the account's security stamp, which every request checks (<see cref="Security.SessionLifetime"/>): this session and
    /// any copy of its cookie stop working at once, as do the account's sessions in other browsers.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            Security.SignInLog.SignedOut(logger, user.Id, HttpContext.Connection.RemoteIpAddress);
        }

        await signIn.SignOutAsync();
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"cookies\", \"storage\"";
        return RedirectToPage();
    }
}
