using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Prevention;

/// <summary>Where the victim stands with one public profile or photo source.</summary>
public enum PhotoSourceStatus
{
    [Display(Name = "To review")]
    ToReview,

    [Display(Name = "Made private")]
    MadePrivate,

    [Display(Name = "Removed")]
    Removed,

    [Display(Name = "Kept public")]
    Kept,
}
