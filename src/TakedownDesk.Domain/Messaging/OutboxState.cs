namespace TakedownDesk.Domain.Messaging;

public enum OutboxState
{
    Pending,
    Sent,

    /// <summary>A transient failure (connection error, 4xx reply); retried at NextAttemptAtUtc.</summary>
    Failed,

    /// <summary>Refused for good (5xx reply) or out of attempts: staff must look at it.</summary>
    DeadLettered,

    /// <summary>The connection dropped after the message data was sent: it may have arrived. Recorded, not retried on its own.</summary>
    OutcomeUnknown,

    /// <summary>A sealed e-mail whose victim was erased before it went out: it can never be opened, so never sent.</summary>
    Undeliverable,
}
