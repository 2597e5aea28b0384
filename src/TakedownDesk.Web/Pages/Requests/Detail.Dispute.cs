using Microsoft.AspNetCore.Mvc;
using TakedownDesk.Application.Features.Documents;
using TakedownDesk.Application.Features.Requests;

namespace TakedownDesk.Web.Pages.Requests;

/// <summary>The request page's forms after an answer: dispute, resubmission, and the final notice.</summary>
public sealed partial class RequestDetailModel
{
    public Task<IActionResult> OnPostDisputeAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new DisputeValidityCommand(id, Dispute.Reason ?? string.Empty), ct), "Dispute", null, ct);

    /// <summary>Stores the final notice and hands its PDF to the browser; an incomplete request shows what is missing instead.</summary>
    public async Task<IActionResult> OnPostNoticeAsync(Guid id, CancellationToken ct)
    {
        var notice = await this.TrySendAsync(() => mediator.Send(new GenerateRemovalNoticeCommand(id), ct));
        return notice.Sent ? Redirect($"/api/v1/documents/{notice.Result!.DocumentId}/pdf") : await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostResubmitAsync(Guid id, CancellationToken ct)
    {
        var drafted = await this.TrySendAsync(() => mediator.Send(new ResubmitRemovalRequestCommand(id), ct));
        return drafted.Sent ? Redirect($"/Requests/{drafted.Result!.RequestId}") : await ShowAsync(id, ct);
    }

    /// <summary>The page as it stands, with the refusal in the error summary at the top.</summary>
    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }
}

public sealed class DisputeForm
{
    public string? Reason { get; set; }
}
