using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Platforms;

public enum ChannelKind
{
    [Display(Name = "Web form")]
    WebForm,

    [Display(Name = "E-mail")]
    Email,

    [Display(Name = "Report in the app")]
    InApp,

    [Display(Name = "Phone")]
    Phone,

    [Display(Name = "Other")]
    Other,
}
