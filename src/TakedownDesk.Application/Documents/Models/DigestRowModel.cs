namespace TakedownDesk.Application.Documents.Models;

/// <summary>One open request in a staff member's daily digest.</summary>
public sealed record DigestRowModel(
    string CaseReference,
    string PlatformName,
    string RequestReference,
    string Status,
    string DeadlineLocal,
    string LinkPath);
