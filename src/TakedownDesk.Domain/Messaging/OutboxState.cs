using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Messaging;

public enum OutboxState
{
    [Display(Name = "Waiting to be sent")]
    Pending,
    [Display(Name = "Sent")]
    Sent,

    /// <summary>A transient failure (connection error, 4xx reply); retried at NextAttemptAtUtc.</summary>
    [Display(Name = "Failed, will be retried")]
    Failed,

    /// <summary>Refused for good (5xx reply) or out of attempts: staff must look at it.</summary>
    [Display(Name = "Not sent: refused or out of attempts")]
    DeadLettered,

    /// <summary>The connection dropped after the message data was sent: it may have arrived. Recorded, not retried on its own.</summary>
    [Display(Name = "Outcome unknown: it may have arrived")]
    OutcomeUnknown,

    /// <summary>A sealed e-mail whose victim was erased before it went out: it can never be opened, so never sent.</summary>
    [Display(Name = "Never sent: the person's data was erased")]
    Undeliverable,
}
