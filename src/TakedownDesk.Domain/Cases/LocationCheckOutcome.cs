namespace TakedownDesk.Domain.Cases;

/// <summary>What one check changed about a location.</summary>
public enum LocationCheckOutcome
{
    NoChange,
    FoundOnline,
    RemovalConfirmed,
    Reappeared,
}
