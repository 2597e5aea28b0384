using System.ComponentModel.DataAnnotations;
using TakedownDesk.Domain.Escalations;

namespace TakedownDesk.Domain.Alerts;

/// <summary>What a staff alert tells its reader; each kind has its own e-mail template.</summary>
public enum AlertKind
{
    /// <summary>The statutory deadline is near.</summary>
    [Display(Name = "Deadline approaching")]
    DeadlineApproaching,

    /// <summary>The statutory deadline passed; the first follow-up is drafted.</summary>
    [Display(Name = "Deadline missed")]
    DeadlineMissed,

    /// <summary>Still unresolved a day after the deadline; the FTC report pack is prepared or refused.</summary>
    [Display(Name = "Still unresolved after the deadline")]
    SecondAlert,

    /// <summary>The last follow-up went unanswered; the next level's follow-up is drafted and ready to send.</summary>
    [Display(Name = "Follow-up ready to send")]
    FollowUpReady,

    /// <summary>A non-statutory request's follow-up date came: check whether the platform acted.</summary>
    [Display(Name = "Follow-up date reached")]
    FollowUpReminder,

    /// <summary>A location whose removal was confirmed is online again: the case is reopened.</summary>
    [Display(Name = "Removed location online again")]
    LocationReappeared,
}

public static class AlertKinds
{
    public static AlertKind For(EscalationKind step) => step switch
    {
        EscalationKind.Reminder12hBefore => AlertKind.DeadlineApproaching,
        EscalationKind.OverdueAtDeadline => AlertKind.DeadlineMissed,
        EscalationKind.SecondAlert24hAfter => AlertKind.SecondAlert,
        EscalationKind.EscalationLevelDue => AlertKind.FollowUpReady,
        EscalationKind.FollowUp7d or EscalationKind.FollowUp30d => AlertKind.FollowUpReminder,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "No alert for this step kind."),
    };
}
