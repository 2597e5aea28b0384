using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Requests;

public enum RequestStatus
{
    [Display(Name = "Draft")]
    Draft,
    [Display(Name = "Ready to submit")]
    Ready,
    [Display(Name = "Submitted")]
    Submitted,
    [Display(Name = "Acknowledged")]
    Acknowledged,
    [Display(Name = "Overdue")]
    Overdue,
    [Display(Name = "Resolved")]
    Resolved,
    [Display(Name = "Validity disputed")]
    ValidityDisputed,
}
