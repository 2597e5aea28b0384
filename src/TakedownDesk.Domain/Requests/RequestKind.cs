namespace TakedownDesk.Domain.Requests;

/// <summary>Only a Sec. 3 request carries the statutory 48-hour clock; the others get follow-up reminders.</summary>
public enum RequestKind
{
    StatutoryRemoval,
    ModelLikenessReport,
    SearchDelisting,
    TrainingOptOut,
}
