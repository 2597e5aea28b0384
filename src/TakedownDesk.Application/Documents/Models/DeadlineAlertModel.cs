namespace TakedownDesk.Application.Documents.Models;

/// <summary>A staff e-mail that a statutory deadline is near or has passed.</summary>
/// <remarks>
/// TimeRemainingOrOverdue: Pre-formatted, e.g. "6 hours left" or "3 hours overdue".<br/>
/// LinkPath: Path inside the app, e.g. "/cases/C-2026-0142/requests/R-1"; no host, so the e-mail leaks nothing.<br/>
/// </remarks>
public sealed record DeadlineAlertModel(
    string StaffName,
    string OrganisationName,
    string CaseReference,
    string PlatformName,
    string RequestReference,
    DeadlineModel Deadline,
    string TimeRemainingOrOverdue,
    string LinkPath);
