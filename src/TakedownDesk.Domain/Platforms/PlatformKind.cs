using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Platforms;

public enum PlatformKind
{
    [Display(Name = "Platform")]
    Platform,

    [Display(Name = "Search engine")]
    SearchEngine,

    [Display(Name = "Model hub")]
    ModelHub,

    [Display(Name = "Content delivery network")]
    Cdn,

    [Display(Name = "Hash-matching service")]
    HashingService,

    [Display(Name = "Regulator")]
    Regulator,

    [Display(Name = "Helpline")]
    Helpline,

    [Display(Name = "Face-search engine")]
    FaceSearchEngine,
}
