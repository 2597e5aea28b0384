using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Domain.Requests;

/// <summary>
/// Sec. 3: a covered platform removes the depiction as soon as possible and not later than 48 clock hours after
/// receiving a valid request. Weekends and holidays count. Requests received before the duty began, and requests to a
/// platform the directory records as excluded from coverage (Sec. 4), have no deadline.
/// </summary>
public static class StatutoryDeadline
{
    public static readonly TimeSpan Allowance = TimeSpan.FromHours(48);

    /// <summary>2026-05-19 00:00 in Washington, D.C. (EDT, UTC-4): the instant the notice-and-removal duty began.</summary>
    public static readonly DateTime DutyBeganUtc = new(2026, 5, 19, 4, 0, 0, DateTimeKind.Utc);

    public const string AsSoonAsPossibleNote =
        "The Act requires removal as soon as possible; 48 hours is the latest the platform may take.";

    public const string OutsideCoverageNote =
        "This platform is outside the TAKE IT DOWN Act's coverage, so no 48-hour removal duty applies: the request asks for removal under the platform's own policy, and staff follow it up instead.";

    /// <summary>Whether requests of this kind to a platform of this coverage carry the statutory clock at all; an unknown coverage is treated as covered.</summary>
    public static bool Applies(RequestKind kind, Coverage coverage) =>
        kind == RequestKind.StatutoryRemoval && coverage != Coverage.Excluded;

    public static DateTime? For(RequestKind kind, Coverage coverage, DateTime receivedAtUtc) =>
        Applies(kind, coverage) && receivedAtUtc >= DutyBeganUtc ? receivedAtUtc + Allowance : null;

    /// <summary>What staff and the API are told beside the deadline: the 48-hour limit only where a deadline runs, the exclusion where the platform is outside coverage.</summary>
    public static string? NoteFor(RequestKind kind, Coverage coverage, DateTime? deadlineAtUtc) =>
        deadlineAtUtc is not null ? AsSoonAsPossibleNote
        : kind == RequestKind.StatutoryRemoval && !Applies(kind, coverage) ? OutsideCoverageNote
        : null;
}
