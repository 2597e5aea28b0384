using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Staff;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Web.Security;

namespace TakedownDesk.Web.Pages.Account;

/// <summary>The staff member's API tokens. Creating one asks for the password and a fresh code, and counts like a sign-in attempt.</summary>
[EnableRateLimiting(SignInThrottle.Policy)]
public sealed class TokensModel(ISender mediator, ICurrentStaff staff, ILoggerFactory logs) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public int ValidForDays { get; set; } = 90;

    [BindProperty]
    public AccessTokenScope Scope { get; set; } = AccessTokenScope.ReadOnly;

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? AuthenticatorCode { get; set; }

    public CreatedAccessToken? Created { get; private set; }

    public IReadOnlyList<AccessTokenView> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await mediator.Send(new ListAccessTokensQuery(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var creation = await this.TrySendAsync(() => mediator.Send(
            new CreateAccessTokenCommand(Name, CurrentPassword ?? string.Empty, AuthenticatorCode ?? string.Empty, Scope, ValidForDays), ct));
        if (creation.Sent)
        {
            Created = AccessTokenEvents.Logged(creation.Result!, staff, HttpContext, logs).EnsureCreated();
        }

        Tokens = await mediator.Send(new ListAccessTokensQuery(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        await mediator.Send(new RevokeAccessTokenCommand(id), ct);
        AccessTokenEvents.Revoked(id, staff, HttpContext, logs);
        return RedirectToPage();
    }
}
