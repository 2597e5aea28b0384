using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Platforms;

/// <summary>Whether the platform is a "covered platform" under Sec. 4 of the Act.</summary>
public enum Coverage
{
    [Display(Name = "Not yet assessed")]
    Unknown,
    [Display(Name = "Covered by the Act")]
    Covered,
    [Display(Name = "Not covered by the Act")]
    Excluded,
}
