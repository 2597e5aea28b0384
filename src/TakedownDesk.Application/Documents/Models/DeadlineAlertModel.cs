namespace TakedownDesk.Application.Documents.Models;

/// <summary>A staff e-mail about a statutory deadline: near, passed, still unresolved, or a follow-up level ready.</summary>
/// <remarks>
/// TimeRemainingOrOverdue: Pre-formatted, e.g. "6 hours left" or "3 hours overdue".<br/>
/// Detail: What the step did that the reader needs to know, e.g. "The FTC report pack is ready to file."; "" when nothing.<br/>
/// LinkPath: The request's page in the desk: an absolute address when Alerts:PublicBaseUrl is set, else the path.<br/>
/// </remarks>
public sealed record DeadlineAlertModel(
    string StaffName,
    string OrganisationName,
    string CaseReference,
    string PlatformName,
    string RequestReference,
    DeadlineModel Deadline,
    string TimeRemainingOrOverdue,
    string Detail,
    string LinkPath);
