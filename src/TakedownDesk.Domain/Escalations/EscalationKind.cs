namespace TakedownDesk.Domain.Escalations;

public enum EscalationKind
{
    /// <summary>Statutory: a reminder to the assignee before the 48-hour deadline.</summary>
    Reminder12hBefore,

    /// <summary>Statutory: the deadline passed; mark overdue, draft the follow-up notice through the designated channel, alert assignee and supervisors.</summary>
    OverdueAtDeadline,

    /// <summary>Statutory: still unresolved after the deadline; second alert, and the FTC report pack prepared.</summary>
    SecondAlert24hAfter,

    /// <summary>Non-statutory: first follow-up reminder after submission.</summary>
    FollowUp7d,

    /// <summary>Non-statutory: second follow-up reminder after submission.</summary>
    FollowUp30d,

    /// <summary>Statutory: the previous level of the platform's escalation path went unanswered; draft the follow-up to the next contact.</summary>
    EscalationLevelDue,
}
