using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Web.Pages.Requests;

/// <summary>
/// A request's escalation ladder: each follow-up the desk drafted (its letter to copy or send, its contact), the next
/// level due, and the FTC report pack. Times staff enter are in their own zone and default to now.
/// </summary>
public sealed class RequestEscalationModel(ISender mediator, TimeProvider clock) : PageModel
{
    public RemovalRequestView? Removal { get; private set; }

    public RequestEscalation? Ladder { get; private set; }

    /// <summary>The plain text of each unsent follow-up, to paste into a web form.</summary>
    public Dictionary<Guid, string> Letters { get; } = [];

    public DateTime NowLocal { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public Task<IActionResult> OnPostAddressAsync(Guid id, Guid followUpId, ChannelKind channel, string? target, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new AddressFollowUpCommand(followUpId, channel, target ?? string.Empty), ct), ct);

    public Task<IActionResult> OnPostSendAsync(Guid id, Guid followUpId, string? confirmedAddress, bool confirmed, CancellationToken ct)
    {
        if (!confirmed)
        {
            ModelState.AddModelError(string.Empty, "Tick the confirmation that names the platform and the address before sending.");
            return ShowAsync(id, ct);
        }

        return RunAsync(id, () => mediator.Send(new SendFollowUpCommand(followUpId, confirmedAddress ?? string.Empty), ct), ct);
    }

    public Task<IActionResult> OnPostRecordAsync(Guid id, Guid followUpId, DateTime sentAt, string? confirmation, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new RecordFollowUpSubmissionCommand(followUpId, Entered(sentAt), confirmation), ct), ct);

    public Task<IActionResult> OnPostFilingAsync(Guid id, string? ftcReferenceNumber, DateTime filedAt, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new RecordFtcFilingCommand(id, ftcReferenceNumber ?? string.Empty, Entered(filedAt)), ct), ct);

    private DateTime Entered(DateTime local) => StaffTime.For(User).EnteredUtc(local, clock.GetUtcNow().UtcDateTime);

    private async Task<IActionResult> RunAsync<T>(Guid id, Func<ValueTask<T>> send, CancellationToken ct) =>
        (await this.TrySendAsync(send)).Sent ? Redirect($"/Requests/{id}/Escalation") : await ShowAsync(id, ct);

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Removal = await mediator.Send(new GetRemovalRequestQuery(id), ct);
        Ladder = await mediator.Send(new GetRequestEscalationQuery(id), ct);
        foreach (var followUp in Ladder.FollowUps.Where(f => f.State == Domain.Escalations.FollowUpState.ReadyToSend))
        {
            Letters[followUp.Id] = (await mediator.Send(new PreviewFollowUpQuery(followUp.Id, Removal.CaseId), ct)).PlainText;
        }

        NowLocal = StaffTime.For(User).Local(clock.GetUtcNow().UtcDateTime);
    }
}
