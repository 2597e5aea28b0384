using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Escalations;

public enum EscalationKind
{
    /// <summary>Statutory: a reminder to the assignee before the 48-hour deadline.</summary>
    [Display(Name = "Reminder before the deadline")]
    Reminder12hBefore,

    /// <summary>Statutory: the deadline passed; mark overdue, draft the follow-up notice through the designated channel, alert assignee and supervisors.</summary>
    [Display(Name = "Overdue alert at the deadline")]
    OverdueAtDeadline,

    /// <summary>Statutory: still unresolved after the deadline; second alert, and the FTC report pack prepared.</summary>
    [Display(Name = "Second alert after the deadline")]
    SecondAlert24hAfter,

    /// <summary>Non-statutory: first follow-up reminder after submission.</summary>
    [Display(Name = "Follow-up after 7 days")]
    FollowUp7d,

    /// <summary>Non-statutory: second follow-up reminder after submission.</summary>
    [Display(Name = "Follow-up after 30 days")]
    FollowUp30d,

    /// <summary>Statutory: the previous level of the platform's escalation path went unanswered; draft the follow-up to the next contact.</summary>
    [Display(Name = "Next escalation level due")]
    EscalationLevelDue,
}
