using Microsoft.AspNetCore.Mvc;
using TakedownDesk.Application.Features.Incidents;

namespace TakedownDesk.Web.Pages.Cases;

/// <summary>The case page's incident form.</summary>
public sealed partial class CaseDetailModel
{
    public Task<IActionResult> OnPostIncidentAsync(Guid id, CancellationToken ct)
    {
        var time = StaffTime.For(User);
        var input = new IncidentInput(Incident.Kind, time.ToInstant(Incident.DiscoveredAt), Incident.Description);
        return RunAsync(id, () => mediator.Send(new AddIncidentCommand(id, input), ct), "Incident", ct);
    }
}
