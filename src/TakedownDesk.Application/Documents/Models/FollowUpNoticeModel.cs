namespace TakedownDesk.Application.Documents.Models;

/// <summary>A follow-up to a Sec. 3 request the platform has not complied with in time.</summary>
/// <remarks>
/// PlatformRequestNumber: The number the platform gave the request; empty if it gave none.<br/>
/// ReceivedAt: Pre-formatted UTC time the request was received.<br/>
/// Overdue: Pre-formatted, e.g. "31 hours (1 day 7 hours)".<br/>
/// LocationsStillLive: The locations the platform has not removed, grouped by depiction.<br/>
/// AddressedTo: The contact of this level of the escalation path, e.g. "Trust and safety: legal@example.com".<br/>
/// OriginalChannel: The designated process the original request went through.<br/>
/// Evidence: What shows the platform received it: the e-mail's Message-ID or the form's confirmation number.<br/>
/// </remarks>
public sealed record FollowUpNoticeModel(
    string OrganisationName,
    PlatformModel Platform,
    string AddressedTo,
    string OriginalRequestReference,
    string OriginalChannel,
    string Evidence,
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
