namespace TakedownDesk.Domain.Requests;

/// <summary>
/// Sec. 3: a covered platform removes the depiction as soon as possible and not later than 48 clock hours after
/// receiving a valid request. Weekends and holidays count. Requests received before the duty began have no deadline.
/// </summary>
public static class StatutoryDeadline
{
    public static readonly TimeSpan Allowance = TimeSpan.FromHours(48);

    /// <summary>2026-05-19 00:00 in Washington, D.C. (EDT, UTC-4): the instant the notice-and-removal duty began.</summary>
    public static readonly DateTime DutyBeganUtc = new(2026, 5, 19, 4, 0, 0, DateTimeKind.Utc);

    public const string AsSoonAsPossibleNote =
        "The Act requires removal as soon as possible; 48 hours is the latest the platform may take.";

    public static DateTime? For(RequestKind kind, DateTime receivedAtUtc) =>
        kind == RequestKind.StatutoryRemoval && receivedAtUtc >= DutyBeganUtc ? receivedAtUtc + Allowance : null;
}
