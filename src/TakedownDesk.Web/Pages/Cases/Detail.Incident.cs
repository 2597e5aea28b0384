using Microsoft.AspNetCore.Mvc;
using TakedownDesk.Application.Features.Incidents;

namespace TakedownDesk.Web.Pages.Cases;

/// <summary>The case page's incident form, and a person-specific model's mirror and report buttons.</summary>
public sealed partial class CaseDetailModel
{
    public Task<IActionResult> OnPostIncidentAsync(Guid id, CancellationToken ct)
    {
        var input = Incident.ToInput(StaffTime.For(User));
        return RunAsync(id, () => mediator.Send(new AddIncidentCommand(id, input), ct), "Incident", ct);
    }

    public Task<IActionResult> OnPostModelMirrorAsync(Guid id, Guid incidentId, string? mirrorUrl, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new AddModelMirrorCommand(id, incidentId, mirrorUrl?.Trim() ?? string.Empty), ct), "Mirror", ct);

    /// <summary>"Report to the hub" / "report this mirror": the drafted model report opens for the caseworker to complete.</summary>
    public async Task<IActionResult> OnPostReportModelPageAsync(Guid id, Guid incidentId, Guid locationId, CancellationToken ct)
    {
        ModelState.Clear();
        var drafted = await this.TrySendAsync(() => mediator.Send(new ReportModelPageCommand(id, incidentId, locationId), ct));
        if (drafted.Sent)
        {
            return Redirect($"/Requests/{drafted.Result!.RequestId}");
        }

        await LoadAsync(id, ct);
        return Page();
    }
}
