using Microsoft.AspNetCore.Mvc;
using TakedownDesk.Application.Features.Locations;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Web.Pages.Cases;

/// <summary>The case page's "draft a request" form, for chosen locations or every one on a platform not yet requested.</summary>
public sealed partial class CaseDetailModel
{
    public async Task<IActionResult> OnPostDraftAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (Draft.AllOnPlatform is { } allOnPlatform)
        {
            var toRequest = await mediator.Send(new ListLocationsToRequestQuery(id, allOnPlatform), ct);
            Draft.PlatformId = allOnPlatform;
            Draft.LocationIds = [.. toRequest.LocationIds];
            if (toRequest.LocationIds.Count == 0)
            {
                ModelState.AddModelError("Draft.LocationIds", "Every location on this platform is already in a request or recorded as removed.");
            }
        }

        if (Draft.PlatformId is null)
        {
            ModelState.AddModelError("Draft.PlatformId", "Choose the platform to send the request to.");
        }
        else if (ModelState.IsValid)
        {
            var drafted = await this.TrySendAsync(
                () => mediator.Send(new DraftRemovalRequestCommand(id, Draft.PlatformId.Value, Draft.Kind, Draft.LocationIds), ct),
                "Draft",
                field => field.StartsWith("LocationIds", StringComparison.Ordinal) ? "LocationIds" : field);
            if (drafted.Sent)
            {
                return Redirect($"/Requests/{drafted.Result!.RequestId}");
            }
        }

        await LoadAsync(id, ct);
        return Page();
    }
}

public sealed class DraftForm
{
    public List<Guid> LocationIds { get; set; } = [];

    public Guid? PlatformId { get; set; }

    /// <summary>Set by a platform group's button: draft for every location on that platform not yet requested.</summary>
    public Guid? AllOnPlatform { get; set; }

    public RequestKind Kind { get; set; } = RequestKind.StatutoryRemoval;
}
