using Microsoft.AspNetCore.Mvc;
using TakedownDesk.Application.Features.Victims;

namespace TakedownDesk.Web.Pages.Cases;

/// <summary>The case page's victim forms: the release, its revocation and the explicit "show confidential details".</summary>
public sealed partial class CaseDetailModel
{
    public Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new RecordReleaseCommand(id, Release.ToInput(StaffTime.For(User))), ct), "Release", ct);

    public Task<IActionResult> OnPostRevokeReleaseAsync(Guid id, Guid releaseId, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new RevokeReleaseCommand(id, releaseId, "Consent withdrawn, recorded on the case page"), ct), string.Empty, ct);

    /// <summary>Like recording a submission it cannot be taken back, so it needs the box ticked.</summary>
    public Task<IActionResult> OnPostPossibleMinorAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        ModelState.Clear();
        if (confirmed)
        {
            return RunAsync(id, () => mediator.Send(new MarkPossibleMinorCommand(id, true), ct), string.Empty, ct);
        }

        ModelState.AddModelError(string.Empty, "Tick the box to confirm the person may have been under 18 when depicted; nothing was changed.");
        return ShowAsync(id, ct);
    }

    public async Task OnPostShowConfidentialAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        Confidential = await mediator.Send(new GetConfidentialDetailsQuery(id), ct);
        await LoadAsync(id, ct);
        PrefillPerson(Case!.Victim, Confidential);
    }
}
