using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Web.Security;

namespace TakedownDesk.Web.Pages.Account;

/// <summary>
/// The staff member's passkeys: a second step at sign-in that a look-alike site cannot replay. Adding one asks for the
/// password and a fresh code (throttled and counted like sign-in); the browser then creates the passkey for this site.
/// </summary>
[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class PasskeysModel(UserManager<StaffUser> users, PasskeyRegistration passkeys, ILogger<PasskeysModel> logger) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? AuthenticatorCode { get; set; }

    [BindProperty]
    public string? Credential { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<PasskeyView> Passkeys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await PageForAsync(await CurrentUserAsync());

    /// <summary>Called by the page's script: the challenge for the browser, or a problem the script shows beside the form.</summary>
    public async Task<IActionResult> OnPostCreationOptionsAsync(CancellationToken ct)
    {
        var user = await CurrentUserAsync();
        var step = await passkeys.BeginAsync(user, Name, CurrentPassword ?? string.Empty, AuthenticatorCode ?? string.Empty, ct);
        if (!step.Confirmed)
        {
            SignInLog.PasskeyNotConfirmed(logger, user.Id, HttpContext.Connection.RemoteIpAddress);
        }

        return step.OptionsJson is { } json
            ? Content(json, "application/json")
            : new ObjectResult(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The passkey cannot be added yet", Detail = step.Problem })
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentTypes = { "application/problem+json" },
            };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await CurrentUserAsync();
        if (await passkeys.CompleteAsync(user, Name, Credential ?? string.Empty) is { } problem)
        {
            ModelState.AddModelError(string.Empty, problem);
            return await PageForAsync(user);
        }

        SignInLog.PasskeyAdded(logger, user.Id, HttpContext.Connection.RemoteIpAddress);
        Saved = $"The passkey \"{Name.Trim()}\" is added. Next time you sign in, you can use it instead of a code.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id)
    {
        var user = await CurrentUserAsync();
        if (!await passkeys.RemoveAsync(user, id))
        {
            return NotFound();
        }

        SignInLog.PasskeyRemoved(logger, user.Id, HttpContext.Connection.RemoteIpAddress);
        Saved = "The passkey is removed. It no longer signs you in.";
        return RedirectToPage();
    }

    private async Task<StaffUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The passkeys page is for signed-in staff only.");

    private async Task<PageResult> PageForAsync(StaffUser user)
    {
        CurrentPassword = null;
        AuthenticatorCode = null;
        Credential = null;
        Passkeys = await passkeys.ListAsync(user);
        return Page();
    }
}
