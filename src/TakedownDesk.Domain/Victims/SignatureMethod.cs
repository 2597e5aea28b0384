using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Victims;

public enum SignatureMethod
{
    [Display(Name = "Wet-ink signature")]
    WetInk,
    [Display(Name = "Electronic signature")]
    Electronic,
}
