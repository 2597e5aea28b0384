using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Web.Pages.Requests;

/// <summary>The request page's submission forms: recording a submission, or sending the notice by e-mail.</summary>
public sealed partial class RequestDetailModel
{
    /// <summary>
    /// Starts the legal clock, so it takes the time the request was sent and an explicit confirmation: Enter pressed in a
    /// text field submits the form, but without the box ticked it changes nothing.
    /// </summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct)
    {
        var s = Submission;
        if (!s.Confirmed)
        {
            var unconfirmed = new ModelStateDictionary();
            unconfirmed.AddModelError("Submission.Confirmed", "Tick the box to confirm the request was sent at the time shown; nothing was recorded.");
            return await RedisplayAsync(id, "Submission", unconfirmed, ct);
        }

        var time = StaffTime.For(User);
        DateTimeOffset? sentAt = s.SubmittedAt is { } local ? time.EnteredUtc(local, clock.GetUtcNow().UtcDateTime) : null;
        return await RunAsync(
            id,
            () => mediator.Send(
                new SubmitRemovalRequestCommand(id, s.Channel, Blank(s.ChannelTarget), s.WhyDesignated ?? string.Empty, Blank(s.ConfirmationNumber), Blank(s.MessageId), null, s.ExpectedConcurrencyStamp, sentAt),
                ct),
            "Submission",
            null,
            ct);
    }

    /// <summary>
    /// Queues the notice to the platform's designated address; like recording a submission it starts the clock (when the
    /// server accepts it), so it needs the box ticked that names the platform and the address.
    /// </summary>
    public async Task<IActionResult> OnPostSendEmailAsync(Guid id, string? sendTo, bool sendConfirmed, CancellationToken ct)
    {
        if (!sendConfirmed)
        {
            var unconfirmed = new ModelStateDictionary();
            unconfirmed.AddModelError(string.Empty, "Tick the box that names the platform and the address; nothing was sent.");
            return await RedisplayAsync(id, string.Empty, unconfirmed, ct);
        }

        return await RunAsync(id, () => mediator.Send(new SendRequestByEmailCommand(id, sendTo ?? string.Empty), ct), string.Empty, _ => string.Empty, ct);
    }
}

public sealed class SubmissionForm
{
    public ChannelKind Channel { get; set; }

    public string? ChannelTarget { get; set; }

    public string? WhyDesignated { get; set; }

    public string? ConfirmationNumber { get; set; }

    public string? MessageId { get; set; }

    /// <summary>When the request was sent, in the staff member's zone; the form offers now.</summary>
    public DateTime? SubmittedAt { get; set; }

    public bool Confirmed { get; set; }

    public Guid? ExpectedConcurrencyStamp { get; set; }
}
