using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Staff;

namespace TakedownDesk.Web.Pages.Admin;

/// <summary>Administrators add staff and change roles (the /Admin folder requires the administrator role).</summary>
public sealed class StaffModel(ISender mediator) : PageModel
{
    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public StaffAccount? Created { get; private set; }

    public IReadOnlyList<StaffAccount> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await mediator.Send(new ListStaffAccountsQuery(), ct);

    public async Task OnPostAsync(CancellationToken ct)
    {
        try
        {
            Created = await mediator.Send(new CreateStaffAccountCommand(
                Input.Email ?? string.Empty, Input.DisplayName ?? string.Empty, Input.Role ?? string.Empty, Input.TimeZoneId, Input.Password ?? string.Empty), ct);
            Input = new StaffInput();
            ModelState.Clear();
        }
        catch (RequestValidationException exception)
        {
            ModelState.AddErrors(exception);
        }

        Accounts = await mediator.Send(new ListStaffAccountsQuery(), ct);
    }

    public async Task<IActionResult> OnPostRoleAsync(string staffId, string role, CancellationToken ct)
    {
        await mediator.Send(new SetStaffRoleCommand(staffId, role), ct);
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
