namespace TakedownDesk.Domain.Cases;

/// <summary>A validated URL with the platform the directory matched it to, ready to be added to a case.</summary>
public sealed record CandidateLocation(NormalizedUrl Url, Guid? PlatformId);
