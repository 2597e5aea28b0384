using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Cases;

public enum CaseStatus
{
    [Display(Name = "Open")]
    Open,
    [Display(Name = "Monitoring")]
    Monitoring,
    [Display(Name = "Closed")]
    Closed,
    [Display(Name = "Reopened")]
    Reopened,
}
