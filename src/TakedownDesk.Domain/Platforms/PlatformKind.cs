using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Platforms;

public enum PlatformKind
{
    [Display(Name = "Online platform")]
    Platform,
    [Display(Name = "Search engine")]
    SearchEngine,
    [Display(Name = "AI model hub or generation site")]
    ModelHub,
    [Display(Name = "Hosting or CDN provider")]
    Cdn,
    [Display(Name = "Hash-matching service")]
    HashingService,
    [Display(Name = "Regulator")]
    Regulator,
    [Display(Name = "Helpline")]
    Helpline,
}
