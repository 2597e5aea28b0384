using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Victims;

/// <summary>The personal details a release allows the organisation to disclose to a platform.</summary>
[Flags]
public enum DisclosableDetails
{
    [Display(Name = "Nothing")]
    None = 0,
    [Display(Name = "Legal name")]
    LegalName = 1,
    [Display(Name = "E-mail address")]
    Email = 2,
    [Display(Name = "Phone number")]
    Phone = 4,
    [Display(Name = "Postal address")]
    PostalAddress = 8,
    [Display(Name = "Signature")]
    Signature = 16,
}
