using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Staff;

namespace TakedownDesk.Web.Pages.Admin;

/// <summary>
/// Administrators add staff, change roles, unlock, reset second factors and disable accounts (the /Admin folder requires
/// the administrator role).
/// </summary>
public sealed class StaffModel(ISender mediator, ICurrentStaff staff) : PageModel
{
    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public StaffAccount? Created { get; private set; }

    public IReadOnlyList<StaffAccount> Accounts { get; private set; } = [];

    public string CurrentStaffId => staff.Id;

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await mediator.Send(new ListStaffAccountsQuery(), ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        var created = await this.TrySendAsync(() => mediator.Send(
            new CreateStaffAccountCommand(Input.Email ?? string.Empty, Input.DisplayName ?? string.Empty, Input.Role ?? string.Empty, Input.TimeZoneId, Input.Password ?? string.Empty), ct),
            "Input");
        if (created.Sent)
        {
            Created = created.Result;
            Input = new StaffInput();
            ModelState.Clear();
        }

        Accounts = await mediator.Send(new ListStaffAccountsQuery(), ct);
    }

    public async Task<IActionResult> OnPostRoleAsync(string staffId, string role, CancellationToken ct)
    {
        await mediator.Send(new SetStaffRoleCommand(staffId, role), ct);
        Saved = "The role is changed. Their sessions have ended; the new role applies from their next sign-in.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string staffId, CancellationToken ct)
    {
        await mediator.Send(new UnlockStaffAccountCommand(staffId), ct);
        Saved = "The account is unlocked; its failed attempts are forgotten.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetSecondFactorsAsync(string staffId, CancellationToken ct)
    {
        await mediator.Send(new ResetSecondFactorsCommand(staffId), ct);
        Saved = "Their authenticator, recovery codes and passkeys no longer work and their sessions have ended. They enrol a new authenticator at their next sign-in.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(string staffId, CancellationToken ct)
    {
        if (!(await this.TrySendAsync(() => mediator.Send(new DisableStaffAccountCommand(staffId), ct))).Sent)
        {
            Accounts = await mediator.Send(new ListStaffAccountsQuery(), ct);
            return Page();
        }

        Saved = "The account is disabled: its sessions have ended, its API tokens are revoked and it cannot sign in.";
        return RedirectToPage();
    }
}

public sealed class StaffInput
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? Role { get; set; } = StaffRoles.Caseworker;

    public string? TimeZoneId { get; set; } = "America/New_York";

    public string? Password { get; set; }
}
