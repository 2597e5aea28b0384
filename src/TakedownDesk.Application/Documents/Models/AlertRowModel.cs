namespace TakedownDesk.Application.Documents.Models;

/// <summary>One alert in a summary e-mail.</summary>
/// <remarks>
/// What: E.g. "Deadline missed", "Follow-up ready to send".<br/>
/// DeadlineLocal: In the reader's time zone, or "none (not a Sec. 3 request)".<br/>
/// </remarks>
public sealed record AlertRowModel(
    string What,
    string CaseReference,
    string PlatformName,
    string RequestReference,
    string DeadlineLocal,
    string Detail,
    string LinkPath);
