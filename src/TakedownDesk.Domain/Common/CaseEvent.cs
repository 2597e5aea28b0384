namespace TakedownDesk.Domain.Common;

/// <summary>
/// Something that happened on a case, for its timeline. The summary never holds personal data or
/// content URLs: it names kinds, references and counts.
/// </summary>
public sealed record CaseEvent(Guid CaseId, string Kind, string Summary, DateTime OccurredAtUtc);
