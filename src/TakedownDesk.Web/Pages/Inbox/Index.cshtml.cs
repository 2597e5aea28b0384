using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Correspondence;

namespace TakedownDesk.Web.Pages.Inbox;

/// <summary>
/// The e-mails from the organisation's mailbox that no request could be found for. Staff attach each to the request it
/// answers (by its reference) or dismiss it; both leave the queue, and a dismissed e-mail's content is not kept.
/// </summary>
public sealed class InboxModel(ISender mediator) : PageModel
{
    public StaffTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public IReadOnlyList<InboxItemView> Items { get; private set; } = [];

    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done is "attached" or "dismissed" ? done : null;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAttachAsync(Guid emailId, string? requestReference, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new AttachEmailToRequestCommand(emailId, requestReference ?? string.Empty), ct), "attached", ct);

    public Task<IActionResult> OnPostDismissAsync(Guid emailId, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new DismissEmailCommand(emailId), ct), "dismissed", ct);

    private async Task<IActionResult> RunAsync<T>(Func<ValueTask<T>> send, string done, CancellationToken ct)
    {
        try
        {
            if ((await this.TrySendAsync(send, string.Empty, _ => string.Empty)).Sent)
            {
                return RedirectToPage(new { done });
            }
        }
        catch (NotFoundException)
        {
            ModelState.AddModelError(string.Empty, "That e-mail or request was not found, or is not one of your cases.");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Time = StaffTime.For(User);
        Items = await mediator.Send(new ListInboxQuery(), ct);
    }
}
