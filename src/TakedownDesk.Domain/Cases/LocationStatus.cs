using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Cases;

public enum LocationStatus
{
    [Display(Name = "Not checked yet")]
    Unknown,

    [Display(Name = "Live")]
    Live,

    [Display(Name = "Removed")]
    Removed,
}
