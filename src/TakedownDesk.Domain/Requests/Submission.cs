using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Domain.Requests;

/// <summary>
/// How and when the request was sent, with the evidence that it reached the platform's designated process.
/// <see cref="RecordedReceiptAtUtc"/> is an earlier receipt staff can prove; it can only shorten the clock.
/// </summary>
public sealed record Submission(
    ChannelKind Channel,
    string? ChannelTarget,
    string WhyDesignated,
    DateTime SubmittedAtUtc,
    string SubmittedBy,
    string? ConfirmationNumber,
    string? MessageId,
    DateTime? RecordedReceiptAtUtc)
{
    public DateTime ReceivedAtUtc => RecordedReceiptAtUtc ?? SubmittedAtUtc;
}
