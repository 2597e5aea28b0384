using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Correspondence;

/// <summary>What a platform's reply says about a request, as the desk reads it and staff confirm it.</summary>
public enum ReplyMeaning
{
    [Display(Name = "Unclear")]
    Unclear,
    [Display(Name = "Acknowledgment (records the platform's number)")]
    Acknowledgment,
    [Display(Name = "Removed (every pending location)")]
    Removed,
    [Display(Name = "Refused (not removed)")]
    Refused,
    [Display(Name = "More information asked (validity disputed)")]
    MoreInformationAsked,
}
