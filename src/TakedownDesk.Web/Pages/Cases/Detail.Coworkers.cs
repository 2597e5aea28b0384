using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Casework;

namespace TakedownDesk.Web.Pages.Cases;

/// <summary>The case page's co-workers: added or removed by the caseworker or a supervisor.</summary>
public sealed partial class CaseDetailModel
{
    /// <summary>Whether the signed-in staff member may choose the co-workers (the domain checks it again).</summary>
    public bool MayChooseCoworkers =>
        User.IsInRole(StaffRoles.Supervisor) || User.IsInRole(StaffRoles.Administrator) || User.FindFirstValue(ClaimTypes.NameIdentifier) == Case?.AssignedStaffId;

    public async Task<IActionResult> OnPostCoworkerAsync(Guid id, string? staffId, CancellationToken ct)
    {
        ModelState.Clear();
        if ((await this.TrySendAsync(() => mediator.Send(new AddCoworkerCommand(id, staffId ?? string.Empty), ct), "Coworker")).Sent)
        {
            Saved = "The co-worker is added: they can open and work this case until removed.";
            return Redirect($"/Cases/{id}#coworkers");
        }

        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostRemoveCoworkerAsync(Guid id, string? staffId, CancellationToken ct)
    {
        ModelState.Clear();
        if ((await this.TrySendAsync(() => mediator.Send(new RemoveCoworkerCommand(id, staffId ?? string.Empty), ct), "Coworker")).Sent)
        {
            Saved = "The co-worker is removed: their access to this case has ended.";
            return Redirect($"/Cases/{id}#coworkers");
        }

        return await ShowAsync(id, ct);
    }
}
