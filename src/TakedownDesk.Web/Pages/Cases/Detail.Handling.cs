using Microsoft.AspNetCore.Mvc;
using TakedownDesk.Application.Features.Cases;

namespace TakedownDesk.Web.Pages.Cases;

/// <summary>The case page's status and assignment forms.</summary>
public sealed partial class CaseDetailModel
{
    public Task<IActionResult> OnPostStatusAsync(Guid id, CaseStatusChange change, Guid? expectedConcurrencyStamp, CancellationToken ct)
    {
        ModelState.Clear();
        return RunAsync(id, () => mediator.Send(new ChangeCaseStatusCommand(id, change, expectedConcurrencyStamp), ct), string.Empty, ct);
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, string? staffId, Guid? expectedConcurrencyStamp, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new AssignCaseCommand(id, staffId ?? string.Empty, expectedConcurrencyStamp), ct), "Assign", ct);
}
