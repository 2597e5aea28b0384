namespace TakedownDesk.Application.Documents.Models;

/// <summary>A staff e-mail that a request without a statutory deadline came to its follow-up date.</summary>
/// <remarks>
/// Detail: Pre-formatted, e.g. "7 days since the request was sent".<br/>
/// LinkPath: The request's page in the desk: an absolute address when Alerts:PublicBaseUrl is set, else the path.<br/>
/// </remarks>
public sealed record FollowUpReminderModel(
    string StaffName,
    string OrganisationName,
    string CaseReference,
    string PlatformName,
    string RequestReference,
    string Detail,
    string LinkPath);
