using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Web.Security;

namespace TakedownDesk.Web.Pages.Account;

/// <summary>First sign-in: the account cannot be used until an authenticator is set up; then ten recovery codes are shown once.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class EnrolModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, ILogger<EnrolModel> logger) : PageModel
{
    public const string Issuer = "TakedownDesk";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string SharedKey { get; private set; } = string.Empty;

    public string AuthenticatorUri { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("SignIn");
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("Verify", new { ReturnUrl });
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || user.TwoFactorEnabled)
        {
            return RedirectToPage("SignIn");
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.AccessFailedAsync(user);
            SignInLog.Failed(logger, "enrolment", user.Id, HttpContext.Connection.RemoteIpAddress);
            ModelState.AddModelError(nameof(Code), "That code is not right. Check the time on your phone and enter the newest code.");
            Code = null;
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim("amr", "mfa")]);
        SignInLog.SignedIn(logger, user.Id, "a new authenticator", HttpContext.Connection.RemoteIpAddress);
        return Page();
    }

    private async Task LoadKeyAsync(StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        SharedKey = key;
        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        AuthenticatorUri = $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6&period=30&algorithm=SHA1";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(AuthenticatorUri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(5);
        QrCodeDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
