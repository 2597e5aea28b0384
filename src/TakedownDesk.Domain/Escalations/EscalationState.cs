using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Escalations;

public enum EscalationState
{
    [Display(Name = "Scheduled")]
    Pending,

    /// <summary>A worker holds it until ClaimedUntilUtc; after that any worker may claim it again.</summary>
    [Display(Name = "Running")]
    Claimed,
    [Display(Name = "Done")]
    Done,
    [Display(Name = "Cancelled")]
    Cancelled,

    /// <summary>Poison: it failed on every attempt and stays visible instead of being retried forever.</summary>
    [Display(Name = "Failed on every attempt")]
    Failed,
}
