using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Platforms;

/// <summary>Verified: read on the platform's own page. Unverified: reported by others.</summary>
public enum Verification
{
    [Display(Name = "Unverified")]
    Unverified,

    [Display(Name = "Verified")]
    Verified,
}
