using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Requests;

public enum LocationOutcome
{
    [Display(Name = "Pending")]
    Pending,
    [Display(Name = "Removed")]
    Removed,
    [Display(Name = "Not removed")]
    NotRemoved,
}
