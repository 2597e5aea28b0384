using Microsoft.AspNetCore.Mvc;
using TakedownDesk.Application.Features.Correspondence;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Correspondence;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Web.Pages.Requests;

/// <summary>The request page's forms for what the platform answered: a reply confirmed, the acknowledgment, each location's outcome.</summary>
public sealed partial class RequestDetailModel
{
    /// <summary>One action: what the reply means is recorded at the e-mail's Date, not at the click.</summary>
    public Task<IActionResult> OnPostConfirmReplyAsync(Guid id, Guid emailId, ReplyMeaning meaning, string? platformRequestNumber, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new ConfirmReplyCommand(emailId, meaning, Blank(platformRequestNumber)), ct), string.Empty, _ => string.Empty, ct);

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct)
    {
        var time = StaffTime.For(User);
        return RunAsync(
            id,
            () => mediator.Send(new RecordAcknowledgmentCommand(id, Acknowledgment.PlatformRequestNumber ?? string.Empty, time.ToInstant(Acknowledgment.AcknowledgedAt)), ct),
            "Acknowledgment",
            null,
            ct);
    }

    /// <summary>The outcome at the time staff saw it (default now), not at the click.</summary>
    public Task<IActionResult> OnPostOutcomeAsync(Guid id, Guid locationId, LocationOutcome outcome, DateTime? outcomeAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var at = outcomeAt is { } local ? StaffTime.For(User).EnteredUtc(local, now) : now;
        return RunAsync(id, () => mediator.Send(new RecordOutcomeCommand(id, locationId, outcome, new DateTimeOffset(at, TimeSpan.Zero)), ct), string.Empty, null, ct);
    }
}

public sealed class AcknowledgmentForm
{
    public string? PlatformRequestNumber { get; set; }

    public DateTime AcknowledgedAt { get; set; }
}
