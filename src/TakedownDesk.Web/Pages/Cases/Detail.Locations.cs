using Microsoft.AspNetCore.Mvc;
using TakedownDesk.Application.Features.LocationChecks;
using TakedownDesk.Application.Features.Locations;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Web.Pages.Cases;

/// <summary>The case page's location forms: paste URLs, a location's status, depiction and platform, and the automatic checks.</summary>
public sealed partial class CaseDetailModel
{
    public Task<IActionResult> OnPostLocationStatusAsync(Guid id, Guid locationId, LocationStatus status, string? reason, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new ChangeLocationStatusCommand(id, locationId, status, reason?.Trim() ?? string.Empty), ct), "LocationStatus", ct);

    public Task<IActionResult> OnPostMoveLocationAsync(Guid id, Guid locationId, Guid depictionId, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new MoveLocationToDepictionCommand(id, locationId, depictionId), ct), "MoveLocation", ct);

    /// <summary>"Choose a platform" posts no id; the row's select has no form-wide name to link to, so the message stands at the top.</summary>
    public Task<IActionResult> OnPostLocationPlatformAsync(Guid id, Guid locationId, Guid? platformId, CancellationToken ct)
    {
        ModelState.Clear();
        if (platformId is not { } chosen)
        {
            ModelState.AddModelError(string.Empty, "Choose the platform this location is on; nothing was changed.");
            return ShowAsync(id, ct);
        }

        return RunAsync(id, () => mediator.Send(new AssignLocationToPlatformCommand(id, locationId, chosen), ct), string.Empty, ct);
    }

    public Task<IActionResult> OnPostLocationChecksAsync(Guid id, bool on, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new SwitchLocationChecksCommand(id, on), ct), "LocationChecks", ct);

    public async Task OnPostAddLocationsAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var pasted = await this.TrySendAsync(() => mediator.Send(new AddLocationsCommand(id, Paste.PastedUrls ?? string.Empty, null, null), ct), "Paste");
        if (pasted.Sent)
        {
            PasteResult = pasted.Result;
            Paste = new PasteForm();
        }

        await LoadAsync(id, ct);
    }
}

public sealed class PasteForm
{
    public string? PastedUrls { get; set; }
}
