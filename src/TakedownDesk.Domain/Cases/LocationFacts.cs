using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Cases;

/// <summary>A check found a location online; requests whose deadline passed keep it as evidence.</summary>
public sealed record LocationSeenOnline(Guid CaseId, Guid LocationId, Guid CheckId, DateTime CheckedAtUtc) : IDomainFact;

/// <summary>A location whose removal was confirmed answers again: the work is reopened and staff are alerted.</summary>
public sealed record LocationReappeared(Guid CaseId, Guid LocationId, Guid CheckId, DateTime CheckedAtUtc) : IDomainFact;
