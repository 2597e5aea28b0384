namespace TakedownDesk.Domain.Cases;

public sealed record LocationStatusChange(LocationStatus Status, DateTime AtUtc, string Reason);
