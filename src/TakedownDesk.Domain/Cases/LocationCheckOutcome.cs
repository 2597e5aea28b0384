using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Cases;

/// <summary>What one check changed about a location.</summary>
public enum LocationCheckOutcome
{
    [Display(Name = "No change")]
    NoChange,

    [Display(Name = "Found online")]
    FoundOnline,

    [Display(Name = "Removal confirmed")]
    RemovalConfirmed,

    [Display(Name = "Online again")]
    Reappeared,
}
