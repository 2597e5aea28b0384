namespace TakedownDesk.Domain.Cases;

/// <summary>What a batch of pasted URLs became: the new locations, and the ones the case already had.</summary>
public sealed record AddedLocations(IReadOnlyList<Location> Added, IReadOnlyList<Location> AlreadyRecorded);
