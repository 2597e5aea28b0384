using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Victims;

public enum SignerCapacity
{
    [Display(Name = "The person depicted")]
    Victim,
    [Display(Name = "Parent or guardian")]
    ParentOrGuardian,
    [Display(Name = "Legal representative")]
    LegalRepresentative,
}
