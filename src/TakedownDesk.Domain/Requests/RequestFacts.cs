using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Requests;

/// <summary>The request reached the platform: its escalations are planned from this, in the same transaction.</summary>
public sealed record RequestSubmitted(Guid RequestId, Guid CaseId, DateTime SubmittedAtUtc, DateTime? DeadlineAtUtc) : IDomainFact;

/// <summary>The request needs no more escalations (resolved, or its validity disputed).</summary>
public sealed record RequestClosed(Guid RequestId, DateTime ClosedAtUtc) : IDomainFact;
