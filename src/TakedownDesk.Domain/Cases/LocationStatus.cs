using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Cases;

public enum LocationStatus
{
    [Display(Name = "Not checked yet")]
    Unknown,

    [Display(Name = "Still online")]
    Live,

    [Display(Name = "Removed")]
    Removed,
}
