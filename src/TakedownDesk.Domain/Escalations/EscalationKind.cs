namespace TakedownDesk.Domain.Escalations;

public enum EscalationKind
{
    /// <summary>Statutory: a reminder to the assignee before the 48-hour deadline.</summary>
    Reminder12hBefore,

    /// <summary>Statutory: the deadline passed; mark overdue, alert assignee and supervisors, flag a follow-up notice.</summary>
    OverdueAtDeadline,

    /// <summary>Statutory: still unresolved after the deadline; second alert and an FTC report pack to draft.</summary>
    SecondAlert24hAfter,

    /// <summary>Non-statutory: first follow-up reminder after submission.</summary>
    FollowUp7d,

    /// <summary>Non-statutory: second follow-up reminder after submission.</summary>
    FollowUp30d,
}
