namespace TakedownDesk.Domain.Escalations;

public enum EscalationState
{
    Pending,

    /// <summary>A worker holds it until ClaimedUntilUtc; after that any worker may claim it again.</summary>
    Claimed,
    Done,
    Cancelled,

    /// <summary>Poison: it failed on every attempt and stays visible instead of being retried forever.</summary>
    Failed,
}
