using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Victims;

public enum ContactChannelKind
{
    [Display(Name = "E-mail")]
    Email,
    [Display(Name = "Phone")]
    Phone,
    [Display(Name = "Postal address")]
    Postal,
    [Display(Name = "Messaging app")]
    Messaging,
    [Display(Name = "Other")]
    Other,
}
