namespace TakedownDesk.Application.Documents.Models;

/// <summary>A follow-up to a Sec. 3 request the platform has not complied with in time.</summary>
/// <remarks>
/// PlatformRequestNumber: The number the platform gave the request; empty if it gave none.<br/>
/// ReceivedAt: Pre-formatted UTC time the request was received.<br/>
/// Overdue: Pre-formatted, e.g. "31 hours (1 day 7 hours)".<br/>
/// LocationsStillLive: Only the locations checked and found still live, grouped by depiction.<br/>
/// </remarks>
public sealed record FollowUpNoticeModel(
    string OrganisationName,
    PlatformModel Platform,
    string OriginalRequestReference,
    string PlatformRequestNumber,
    string ReceivedAt,
    DeadlineModel Deadline,
    string Overdue,
    IReadOnlyList<DepictionModel> LocationsStillLive,
    string LegalBasis,
    SignatureBlockModel Signature,
    ContactModel RequesterContact,
    string GeneratedAt,
    string Language);
